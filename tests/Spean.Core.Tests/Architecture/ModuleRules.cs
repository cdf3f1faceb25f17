namespace Spean.Architecture;

/// <summary>
/// The allowed direction of references between modules (docs/adr/0016-module-references.md). Each listed module may
/// refer only to the modules on its line; a module not listed (a new one) may refer to any module, and no module to it
/// until its line is written, so new modules sit on top. Whatever the list says, no two modules may reach each other.
/// </summary>
internal static class ModuleRules
{
    /// <summary>
    /// Data holds the one DbContext, the migrator and the database registration: it knows every module's entities and
    /// every module uses it, so it is the composition root of the database and stands outside the graph. The root
    /// namespace (Spean.Core.Refusal, ImportProgress, EnumNames; Spean.Web.Strings) is shared by all and refers to none.
    /// </summary>
    public static readonly IReadOnlySet<string> Shared = new HashSet<string> { "Data" };

    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        // Foundations: no module at all (the web's infrastructure keeps its data-protection keys beside the key ring).
        ["Text"] = [],
        ["Exports"] = [],
        ["Protection"] = [],
        ["Infrastructure"] = ["Protection"],
        ["Mail"] = [],
        ["Components"] = ["Infrastructure"],
        // Every module writes to the audit trail and contributes its own allow-list, so Auditing names none of them.
        ["Auditing"] = ["Exports"],
        ["Taxonomies"] = ["Auditing", "Exports", "Text", "Infrastructure", "Components"],
        ["Accounts"] = ["Auditing", "Protection", "Taxonomies", "Mail", "Infrastructure", "Components"],
        ["Recommendations"] = ["Text", "Exports", "Taxonomies", "Accounts", "Auditing", "Infrastructure", "Components"],
        ["Monitoring"] = ["Text", "Exports", "Protection", "Taxonomies", "Accounts", "Auditing", "Recommendations", "Infrastructure", "Components"],
        ["Backup"] = ["Auditing", "Protection"],
        ["Administration"] = ["Accounts", "Auditing", "Mail", "Infrastructure", "Components"],
        ["Notifications"] = ["Accounts", "Auditing", "Mail", "Infrastructure", "Components"],
        ["Calendar"] = ["Accounts", "Auditing", "Infrastructure", "Components"],
        ["Home"] = ["Accounts", "Infrastructure", "Components"],
    };
}
