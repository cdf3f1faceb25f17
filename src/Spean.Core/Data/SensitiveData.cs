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

    private const string EncryptedAnnotation = "Spean:Encrypted";

    /// <summary>Marks a column that holds <see cref="Protection.FieldCipher"/> output; key rotation re-encrypts every such column.</summary>
    public static PropertyBuilder<T> IsEncrypted<T>(this PropertyBuilder<T> property) =>
        property.IsSensitive().HasAnnotation(EncryptedAnnotation, true);

    public static bool IsEncrypted(this IReadOnlyProperty property) =>
        property.FindAnnotation(EncryptedAnnotation)?.Value is true;
}
