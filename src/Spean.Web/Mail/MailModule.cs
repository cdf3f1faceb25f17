namespace Spean.Web.Mail;

internal static class MailModule
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddSpeanMail(builder.Configuration);
        return builder;
    }
}
