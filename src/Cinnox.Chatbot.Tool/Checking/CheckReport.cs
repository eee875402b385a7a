namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>The verdict of a check: the rules judged and what broke them.</summary>
internal sealed class CheckReport
{
    public CheckReport(IReadOnlyList<CheckRule> rules, IEnumerable<CheckFinding> findings)
    {
        Rules = rules;
        Findings = Deduplicate(findings);
    }

    /// <summary>Gets the rules that were judged.</summary>
    public IReadOnlyList<CheckRule> Rules { get; }

    /// <summary>Gets the failures and warnings, at most one per rule, path and message.</summary>
    public IReadOnlyList<CheckFinding> Findings { get; }

    /// <summary>Gets the number of rules with no finding.</summary>
    public int Passed => Rules.Count(rule => Verdict(rule) is null);

    /// <summary>Gets the number of rules with at least one error.</summary>
    public int Failed => Rules.Count(rule => Verdict(rule) == CheckSeverity.Error);

    /// <summary>Gets the number of rules with warnings but no error.</summary>
    public int Warnings => Rules.Count(rule => Verdict(rule) == CheckSeverity.Warning);

    /// <summary>Gets the worst severity found for a rule, or null when it passed.</summary>
    public CheckSeverity? Verdict(CheckRule rule)
    {
        CheckSeverity? worst = null;
        foreach (var finding in Findings)
        {
            if (ReferenceEquals(finding.Rule, rule) && (worst is null || finding.Severity > worst))
            {
                worst = finding.Severity;
            }
        }

        return worst;
    }

    private static List<CheckFinding> Deduplicate(IEnumerable<CheckFinding> findings)
    {
        var seen = new HashSet<(string, string?, string)>();
        return [.. findings.Where(finding => seen.Add((finding.Rule.Id, finding.Path, finding.Message)))];
    }
}
