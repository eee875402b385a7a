namespace Cinnox.Chatbot.Tool.Cli;

/// <summary>The exit codes every command shares.</summary>
internal static class ToolExitCodes
{
    /// <summary>The reply completed (<c>send</c>), nothing failed (<c>check</c>), or the playground stopped normally.</summary>
    public const int Success = 0;

    /// <summary>The reply did not complete (<c>send</c>) or at least one rule failed (<c>check</c>).</summary>
    public const int Failure = 1;

    /// <summary>The arguments are invalid; nothing was sent.</summary>
    public const int InvalidArguments = 2;
}
