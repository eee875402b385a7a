using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Cinnox.Chatbot.Testing;

/// <summary>
/// Writes the public surface of an assembly as sorted, C#-like text, so that a checked-in copy (<c>api/*.txt</c>)
/// can be compared with the built assembly and any change shows up as a readable diff.
/// </summary>
/// <remarks>
/// Written here because the registry this repository builds against does not serve
/// Microsoft.CodeAnalysis.PublicApiAnalyzers.
/// </remarks>
public static class PublicApiListing
{
    /// <summary>The environment variable that makes the API tests rewrite the listings instead of failing.</summary>
    public const string UpdateVariable = "CINNOX_UPDATE_API";

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Generates the listing of an assembly's public surface.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>The listing, one declaration a line, types and members sorted.</returns>
    public static string Generate(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var text = new StringBuilder();
        foreach (var group in assembly.GetExportedTypes().Where(type => !type.IsNested).GroupBy(type => type.Namespace ?? string.Empty).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            text.Append("namespace ").AppendLine(group.Key);
            foreach (var type in group.OrderBy(type => type.Name, StringComparer.Ordinal))
            {
                AppendType(text, type, "  ");
            }

            text.AppendLine();
        }

        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
    }

    /// <summary>
    /// Compares an assembly with its checked-in listing. When <see cref="UpdateVariable"/> is set, rewrites the
    /// listing instead.
    /// </summary>
    /// <param name="assembly">The assembly.</param>
    /// <param name="listingPath">The path of the checked-in listing.</param>
    /// <returns>An empty string when they agree; otherwise a diff to show.</returns>
    public static string Compare(Assembly assembly, string listingPath)
    {
        var actual = Generate(assembly);
        if (Environment.GetEnvironmentVariable(UpdateVariable) is "1" or "true")
        {
            File.WriteAllText(listingPath, actual);
            return string.Empty;
        }

        var expected = File.Exists(listingPath) ? File.ReadAllText(listingPath).Replace("\r\n", "\n", StringComparison.Ordinal) : string.Empty;
        if (expected == actual)
        {
            return string.Empty;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var removed = expectedLines.Except(actualLines).Select(line => "- " + line.Trim());
        var added = actualLines.Except(expectedLines).Select(line => "+ " + line.Trim());
        return $"The public API of {assembly.GetName().Name} differs from {listingPath}.\n" +
            $"If the change is intended, run the tests once with {UpdateVariable}=1 and commit the listing.\n" +
            string.Join('\n', removed.Concat(added));
    }

    /// <summary>Finds a file relative to the repository root (the folder holding Cinnox.Chatbot.sln).</summary>
    /// <param name="relativePath">The path below the root.</param>
    /// <returns>The absolute path.</returns>
    public static string FromRepositoryRoot(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cinnox.Chatbot.sln")))
            {
                return Path.Combine(directory.FullName, relativePath);
            }
        }

        throw new DirectoryNotFoundException("Cinnox.Chatbot.sln was not found above " + AppContext.BaseDirectory);
    }

    private static void AppendType(StringBuilder text, Type type, string indent)
    {
        text.Append(indent).AppendLine(DescribeType(type));
        var members = new List<(string Name, string Line)>();
        var nullability = new NullabilityInfoContext();

        if (type.IsEnum)
        {
            members.AddRange(type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(field => (field.Name, $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}")));
        }
        else if (!typeof(Delegate).IsAssignableFrom(type))
        {
            foreach (var member in type.GetMembers(Declared))
            {
                if (Describe(member, nullability) is { } line)
                {
                    // Constructors first, then members by name; overloads by their full line.
                    members.Add((member is ConstructorInfo ? string.Empty : member.Name, line));
                }
            }
        }

        foreach (var (_, line) in members.OrderBy(member => member.Name, StringComparer.Ordinal).ThenBy(member => member.Line, StringComparer.Ordinal))
        {
            text.Append(indent).Append("  ").AppendLine(line);
        }

        foreach (var nested in type.GetNestedTypes(BindingFlags.Public).OrderBy(nested => nested.Name, StringComparer.Ordinal))
        {
            AppendType(text, nested, indent + "  ");
        }
    }

    private static string? Describe(MemberInfo member, NullabilityInfoContext nullability)
    {
        switch (member)
        {
            case ConstructorInfo constructor when IsVisible(constructor):
                return $"{Access(constructor)}{(constructor.IsStatic ? "static " : string.Empty)}{TypeName(constructor.DeclaringType!, null)}({Parameters(constructor, nullability)})";
            case MethodInfo method when IsVisible(method) && !method.IsSpecialName || method is { IsSpecialName: true } op && op.Name.StartsWith("op_", StringComparison.Ordinal) && IsVisible(op):
                var methodInfo = (MethodInfo)member;
                var generic = methodInfo.IsGenericMethodDefinition ? $"<{string.Join(", ", methodInfo.GetGenericArguments().Select(argument => argument.Name))}>" : string.Empty;
                var returnType = TypeName(methodInfo.ReturnType, nullability.Create(methodInfo.ReturnParameter));
                return $"{Access(methodInfo)}{Modifiers(methodInfo)}{returnType} {methodInfo.Name}{generic}({Parameters(methodInfo, nullability)})";
            case PropertyInfo property:
                var getter = property.GetMethod is { } get && IsVisible(get) ? get : null;
                var setter = property.SetMethod is { } set && IsVisible(set) ? set : null;
                if (getter is null && setter is null)
                {
                    return null;
                }

                var accessor = (getter ?? setter)!;
                var isInit = setter?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) == true;
                var indexer = property.GetIndexParameters() is { Length: > 0 } index
                    ? $"this[{string.Join(", ", index.Select(parameter => $"{TypeName(parameter.ParameterType, nullability.Create(parameter))} {parameter.Name}"))}]"
                    : property.Name;
                var accessors = (getter is null ? string.Empty : "get; ") + (setter is null ? string.Empty : isInit ? "init; " : "set; ");
                var required = property.GetCustomAttributes().Any(attribute => attribute.GetType().Name == "RequiredMemberAttribute") ? "required " : string.Empty;
                return $"{Access(accessor)}{required}{Modifiers(accessor)}{TypeName(property.PropertyType, nullability.Create(property))} {indexer} {{ {accessors}}}";
            case FieldInfo field when field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly:
                if (field.DeclaringType!.IsEnum)
                {
                    return null;
                }

                var constant = field.IsLiteral ? $" = {FormatConstant(field.GetRawConstantValue())}" : string.Empty;
                var fieldModifiers = field.IsLiteral ? "const " : (field.IsStatic ? "static " : string.Empty) + (field.IsInitOnly ? "readonly " : string.Empty);
                return $"{(field.IsPublic ? "public " : "protected ")}{fieldModifiers}{TypeName(field.FieldType, nullability.Create(field))} {field.Name}{constant}";
            case EventInfo @event when @event.AddMethod is { } add && IsVisible(add):
                return $"{Access(add)}{Modifiers(add)}event {TypeName(@event.EventHandlerType!, nullability.Create(@event))} {@event.Name}";
            default:
                return null;
        }
    }

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static string Access(MethodBase method) => method.IsPublic ? "public " : "protected ";

    private static string Modifiers(MethodInfo method)
    {
        if (method.IsStatic)
        {
            return "static ";
        }

        if (method.DeclaringType!.IsInterface)
        {
            return string.Empty;
        }

        if (method.IsAbstract)
        {
            return "abstract ";
        }

        if (method.GetBaseDefinition() != method)
        {
            return method.IsFinal ? "sealed override " : "override ";
        }

        return method.IsVirtual && !method.IsFinal ? "virtual " : string.Empty;
    }

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability) =>
        string.Join(", ", method.GetParameters().Select(parameter =>
        {
            var prefix = parameter.ParameterType.IsByRef
                ? parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref "
                : parameter.GetCustomAttribute<ParamArrayAttribute>() is not null ? "params " : string.Empty;
            var isThis = method.IsDefined(typeof(ExtensionAttribute)) && parameter.Position == 0 ? "this " : string.Empty;
            var defaultValue = parameter.HasDefaultValue ? " = " + FormatConstant(parameter.DefaultValue) : string.Empty;
            return $"{isThis}{prefix}{TypeName(parameter.ParameterType, nullability.Create(parameter))} {parameter.Name}{defaultValue}";
        }));

    private static string DescribeType(Type type)
    {
        string kind;
        if (type.IsInterface)
        {
            kind = "interface";
        }
        else if (type.IsEnum)
        {
            kind = "enum";
        }
        else if (type.IsValueType)
        {
            kind = type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly struct" : "struct";
        }
        else if (typeof(Delegate).IsAssignableFrom(type))
        {
            var invoke = type.GetMethod("Invoke")!;
            return $"public delegate {TypeName(invoke.ReturnType, null)} {TypeName(type, null)}({string.Join(", ", invoke.GetParameters().Select(parameter => $"{TypeName(parameter.ParameterType, null)} {parameter.Name}"))})";
        }
        else
        {
            kind = type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";
            if (type.GetMethods().Any(method => method.Name == "<Clone>$"))
            {
                kind = kind.Replace("class", "record", StringComparison.Ordinal);
            }
        }

        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Add(TypeName(baseType, null));
        }

        var inherited = type.BaseType?.GetInterfaces() ?? [];
        bases.AddRange(type.GetInterfaces().Where(face => !inherited.Contains(face) && (face.IsPublic || face.IsNestedPublic)).Select(face => TypeName(face, null)).Order(StringComparer.Ordinal));
        return $"public {kind} {TypeName(type, null)}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty)}";
    }

    private static string TypeName(Type type, NullabilityInfo? nullability)
    {
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!, nullability?.ElementType ?? nullability);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying, null) + "?";
        }

        var suffix = nullability is { ReadState: NullabilityState.Nullable } && !type.IsValueType ? "?" : string.Empty;
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!, nullability?.ElementType) + "[]" + suffix;
        }

        if (type.IsGenericParameter)
        {
            return type.Name + suffix;
        }

        var name = Keyword(type) ?? (type.IsNested ? TypeName(type.DeclaringType!, null) + "." + type.Name : type.Name);
        if (type.IsGenericType)
        {
            var arguments = type.GetGenericArguments();
            var argumentInfos = nullability?.GenericTypeArguments;
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            name = (tick >= 0 ? name[..tick] : name) + "<" + string.Join(", ", arguments.Select((argument, index) => TypeName(argument, argumentInfos is { } infos && index < infos.Length ? infos[index] : null))) + ">";
        }

        return name + suffix;
    }

    private static string? Keyword(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean => "bool",
        TypeCode.Byte => "byte",
        TypeCode.Char => "char",
        TypeCode.Decimal => "decimal",
        TypeCode.Double => "double",
        TypeCode.Int16 => "short",
        TypeCode.Int32 when !type.IsEnum => "int",
        TypeCode.Int64 when !type.IsEnum => "long",
        TypeCode.SByte => "sbyte",
        TypeCode.Single => "float",
        TypeCode.String => "string",
        TypeCode.UInt16 => "ushort",
        TypeCode.UInt32 => "uint",
        TypeCode.UInt64 => "ulong",
        _ when type == typeof(object) => "object",
        _ when type == typeof(void) => "void",
        _ => null,
    };

    private static string FormatConstant(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
