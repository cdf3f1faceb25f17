using Microsoft.AspNetCore.Http.Features;
using Spean.Core;

namespace Spean.Web.Infrastructure;

/// <summary>
/// Text holding a NUL character (<c>\u0000</c>) in a query parameter, a form field or an uploaded file's name is refused
/// before a page or endpoint sees it, as <see cref="RequestJson"/> refuses it in JSON: PostgreSQL cannot store it (a
/// server error there, where SQLite kept it), and no one types it. The form is checked when something reads it, so a
/// body read as a stream (evidence) is neither buffered nor checked here; file contents are each importer's to judge.
/// </summary>
internal static class RequestText
{
    public static void RefuseNul(HttpContext context)
    {
        // Kestrel refuses a raw NUL in the request line, so only an escaped one can arrive.
        if (context.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true
            && context.Request.Query.FirstOrDefault(p => NulText.InAny(p.Value)).Key is { } parameter)
            throw new NulInRequestException("query parameter", parameter);
        if (context.Request.HasFormContentType && context.Features.Get<IFormFeature>() is { } form)
            context.Features.Set<IFormFeature>(new NulRefusingForm(form));
    }

    private sealed class NulRefusingForm(IFormFeature form) : IFormFeature
    {
        private IFormCollection? checkedForm;

        public bool HasFormContentType => form.HasFormContentType;

        public IFormCollection? Form
        {
            get => Checked(form.Form);
            set => form.Form = value;
        }

        public IFormCollection ReadForm() => Checked(form.ReadForm())!;

        public async Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken) => Checked(await form.ReadFormAsync(cancellationToken))!;

        // Antiforgery, binding and the page each read the form: it is checked the first time only.
        private IFormCollection? Checked(IFormCollection? read)
        {
            if (read is null || ReferenceEquals(read, checkedForm)) return read;
            if (read.FirstOrDefault(f => NulText.InAny(f.Value)).Key is { } field) throw new NulInRequestException("form field", field);
            if (read.Files.FirstOrDefault(f => NulText.In(f.FileName)) is { } file)
                throw new NulInRequestException("name of the file in the form field", file.Name);
            return checkedForm = read;
        }
    }
}

/// <summary>Not an <see cref="IOException"/> nor an <see cref="InvalidDataException"/>, which the antiforgery check and form binding would take for an unreadable form.</summary>
internal sealed class NulInRequestException(string what, string name)
    : Exception($"The {what} '{Shown(name)}' holds a NUL character (\\u0000), which cannot be stored: remove it.")
{
    public string What { get; } = what;

    public string Name { get; } = Shown(name);

    private static string Shown(string name) => name.Replace("\0", "", StringComparison.Ordinal) is var shown && shown.Length > 100 ? shown[..100] : shown;
}
