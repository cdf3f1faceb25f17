using Microsoft.OpenApi;

namespace Spean.Web.Monitoring;

internal static class ReportSearchDocs
{
    /// <summary>
    /// Describes 'q' in the OpenAPI document. A [Description] on the bound record's parameter would be the usual way,
    /// but the OpenAPI generator fails on it for [AsParameters] records (an invalid cast), so the operation is amended instead.
    /// </summary>
    public static RouteHandlerBuilder DescribesSearchWords(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.Name is not null && parameter.Name.Equals("q", StringComparison.OrdinalIgnoreCase))
                    parameter.Description = ReportFilterParameters.SearchDescription;
            }
            return Task.CompletedTask;
        });
}
