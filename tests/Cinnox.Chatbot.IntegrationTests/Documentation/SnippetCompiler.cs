using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cinnox.Chatbot.IntegrationTests.Documentation;

/// <summary>
/// Compiles a documentation snippet as a reader would when pasting it into a new project: a console project, or a web
/// project when the snippet builds a <c>WebApplication</c>, each with the SDK's implicit usings, nullable on, the
/// newest language version, and this repository's packages plus the ones the snippets name referenced.
/// </summary>
public static class SnippetCompiler
{
    private static readonly string[] ConsoleUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
        "System.Threading.Tasks",
    ];

    // Microsoft.NET.Sdk.Web adds these to the console set.
    private static readonly string[] WebUsings =
    [
        .. ConsoleUsings, "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    // Every assembly this test runs with: the runtime, ASP.NET Core, the SDK's packages and the test's own
    // references (OllamaSharp, OpenTelemetry, ...), so a snippet sees what a project referencing them would.
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))]);

    // The SDK's default NoWarn: a package built against an older version of an assembly the project has a newer one of.
    private static readonly Dictionary<string, ReportDiagnostic> SdkSuppressions = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    /// <summary>Compiles a snippet and returns its errors and warnings.</summary>
    /// <param name="snippet">The snippet.</param>
    /// <returns>The diagnostics of warning or error severity; empty when it compiles cleanly.</returns>
    public static IReadOnlyList<Diagnostic> Compile(MarkdownSnippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var usings = snippet.Code.Contains("WebApplication", StringComparison.Ordinal) ? WebUsings : ConsoleUsings;
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        SyntaxTree[] trees =
        [
            CSharpSyntaxTree.ParseText(string.Concat(usings.Select(name => $"global using global::{name};\n")), parseOptions, "GlobalUsings.g.cs"),
            CSharpSyntaxTree.ParseText(snippet.Code, parseOptions, snippet.ToString()),
        ];

        var diagnostics = Emit(trees, OutputKind.ConsoleApplication);
        if (diagnostics.Any(diagnostic => diagnostic.Id == "CS5001"))
        {
            // No top-level statements and no Main: the snippet is a type to put in a library (a test class, say).
            diagnostics = Emit(trees, OutputKind.DynamicallyLinkedLibrary);
        }

        return diagnostics;
    }

    private static IReadOnlyList<Diagnostic> Emit(SyntaxTree[] trees, OutputKind kind)
    {
        var compilation = CSharpCompilation.Create(
            "Snippet",
            trees,
            References.Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkSuppressions));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        return [.. result.Diagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)];
    }
}
