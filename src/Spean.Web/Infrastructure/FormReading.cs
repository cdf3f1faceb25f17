namespace Spean.Web.Infrastructure;

internal static class FormReading
{
    /// <summary>The request's form; null when the multipart body is empty, cut off or malformed, which is the sender's to fix, not a server failure.</summary>
    public static async Task<IFormCollection?> ReadFormOrNullAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }
}
