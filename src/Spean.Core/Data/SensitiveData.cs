using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Spean.Core.Data;

/// <summary>Marks columns whose values must never reach the audit trail, logs or exports.</summary>
public static class SensitiveData
{
    private const string Annotation = "Spean:Sensitive";

    public static PropertyBuilder<T> IsSensitive<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(Annotation, true);

    public static bool IsSensitive(this IReadOnlyProperty property) =>
        property.FindAnnotation(Annotation)?.Value is true;
}
