using Mono.Cecil;

namespace Spean.Architecture;

/// <summary>
/// Which module refers to which, read from the compiled assemblies: a type's module is the namespace segment after
/// the assembly's root ("Spean.Core.Monitoring.Reports.Report" is in Monitoring), so Spean.Web.Monitoring and
/// Spean.Core.Monitoring are one module. Every signature, attribute, base type, field, local and IL operand counts.
/// </summary>
internal sealed class ModuleGraph
{
    private readonly Dictionary<(string From, string To), SortedSet<string>> edges = [];

    public IEnumerable<(string From, string To)> Edges => edges.Keys;

    public IReadOnlySet<string> Modules { get; }

    public ModuleGraph(IEnumerable<(string From, string To, string Because)> references, IEnumerable<string> modules)
    {
        foreach (var (from, to, because) in references)
        {
            if (!edges.TryGetValue((from, to), out var causes))
                edges[(from, to)] = causes = new SortedSet<string>(StringComparer.Ordinal);
            causes.Add(because);
        }
        Modules = modules.ToHashSet();
    }

    /// <summary>Reads the assemblies; a type outside any module (the root namespace) or in <paramref name="shared"/> is left out.</summary>
    public static ModuleGraph Read(IEnumerable<string> assemblyPaths, IReadOnlySet<string> shared)
    {
        var references = new List<(string, string, string)>();
        var modules = new HashSet<string>();
        foreach (var path in assemblyPaths)
        {
            using var assembly = AssemblyDefinition.ReadAssembly(path);
            foreach (var type in assembly.MainModule.GetTypes())
            {
                if (ModuleOf(type) is not { } from || shared.Contains(from))
                    continue;
                modules.Add(from);
                foreach (var referenced in ReferencedTypes(type))
                    if (ModuleOf(referenced) is { } to && to != from && !shared.Contains(to))
                        references.Add((from, to, $"{Outermost(type).FullName} → {Outermost(referenced).FullName}"));
            }
        }
        return new ModuleGraph(references, modules);
    }

    public IReadOnlySet<string> Causes(string from, string to) =>
        edges.TryGetValue((from, to), out var causes) ? causes : new SortedSet<string>();

    /// <summary>Each cycle with the references that close it, type by type; empty when references run one way.</summary>
    public IReadOnlyList<string> DescribeCycles() =>
        [.. Cycles().Select(cycle => string.Join(" ↔ ", cycle) + ":\n" + string.Join("\n",
            edges.Keys.Where(e => cycle.Contains(e.From) && cycle.Contains(e.To)).Order()
                .Select(e => $"  {e.From} → {e.To} because {string.Join("; ", Causes(e.From, e.To).Take(5))}")))];

    /// <summary>References a listed module makes to a module its line in <paramref name="allowed"/> does not name.</summary>
    public IReadOnlyList<string> DescribeDisallowed(IReadOnlyDictionary<string, string[]> allowed) =>
        [.. edges.Keys.Where(e => allowed.TryGetValue(e.From, out var to) && !to.Contains(e.To)).Order()
            .Select(e => $"{e.From} → {e.To} is not in {e.From}'s allowed list, because {string.Join("; ", Causes(e.From, e.To).Take(5))}")];

    /// <summary>Groups of modules that reach each other (Tarjan's strongly connected components of two or more).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var next = edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct().Order(StringComparer.Ordinal).ToList());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var found = new List<IReadOnlyList<string>>();
        void Visit(string module)
        {
            index[module] = low[module] = index.Count;
            stack.Push(module);
            onStack.Add(module);
            foreach (var to in next.GetValueOrDefault(module, []))
            {
                if (!index.TryGetValue(to, out var toIndex))
                {
                    Visit(to);
                    low[module] = Math.Min(low[module], low[to]);
                }
                else if (onStack.Contains(to))
                    low[module] = Math.Min(low[module], toIndex);
            }
            if (low[module] != index[module])
                return;
            var component = new List<string>();
            string popped;
            do
            {
                popped = stack.Pop();
                onStack.Remove(popped);
                component.Add(popped);
            } while (popped != module);
            if (component.Count > 1)
                found.Add(component.Order(StringComparer.Ordinal).ToList());
        }
        foreach (var module in edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal))
            if (!index.ContainsKey(module))
                Visit(module);
        return found;
    }

    /// <summary>"Spean.Core.Monitoring.Reports" → "Monitoring"; the root namespace and other assemblies' types → null.</summary>
    public static string? ModuleOf(TypeReference type)
    {
        var outer = Outermost(type);
        var segments = outer.Namespace.Split('.');
        return segments.Length >= 3 && segments[0] == "Spean" && segments[1] is "Core" or "Web" or "Cli" ? segments[2] : null;
    }

    private static TypeReference Outermost(TypeReference type)
    {
        type = type.GetElementType();
        while (type.DeclaringType is not null)
            type = type.DeclaringType;
        return type;
    }

    private static List<TypeReference> ReferencedTypes(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                        Add(argument);
                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(reference);
                    return;
            }
        }
        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments)
                    if (argument.Value is TypeReference typeArgument)
                        Add(typeArgument);
            }
        }
        void AddMethod(MethodReference method)
        {
            Add(method.DeclaringType);
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters)
                Add(parameter.ParameterType);
            if (method is GenericInstanceMethod generic)
                foreach (var argument in generic.GenericArguments)
                    Add(argument);
        }

        Add(type.BaseType);
        AddAttributes(type);
        foreach (var implemented in type.Interfaces)
            Add(implemented.InterfaceType);
        foreach (var parameter in type.GenericParameters)
            foreach (var constraint in parameter.Constraints)
                Add(constraint.ConstraintType);
        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field);
        }
        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
            AddAttributes(property);
        }
        foreach (var method in type.Methods)
        {
            AddMethod(method);
            AddAttributes(method);
            foreach (var parameter in method.Parameters)
                AddAttributes(parameter);
            if (!method.HasBody)
                continue;
            foreach (var local in method.Body.Variables)
                Add(local.VariableType);
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference operandType:
                        Add(operandType);
                        break;
                    case MethodReference operandMethod:
                        AddMethod(operandMethod);
                        break;
                    case FieldReference operandField:
                        Add(operandField.DeclaringType);
                        Add(operandField.FieldType);
                        break;
                }
            }
        }
        return found;
    }
}
