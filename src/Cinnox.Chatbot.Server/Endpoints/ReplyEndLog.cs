using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cinnox.Chatbot.Server;

/// <summary>The one place that logs (and notes for telemetry) how a started or collected stream reply ended short of completing.</summary>
internal static class ReplyEndLog
{
    /// <summary>
    /// Logs a reply cut by a guard (the response limit or the time budget) or by the platform going away; a
    /// completed reply or a handler failure logs nothing here.
    /// </summary>
    /// <param name="logger">The endpoint's logger.</param>
    /// <param name="context">The request.</param>
    /// <param name="end">How the reply ended.</param>
    /// <param name="limits">The limits the guards enforce.</param>
    public static void Ended(ILogger logger, ChatbotRequestContext context, StreamReplyEnd end, ChatbotLimits limits)
    {
        PathString path = context.HttpContext.Request.Path;
        switch (end)
        {
            case StreamReplyEnd.Disconnected:
                context.Record.End("disconnected");
                ServerLog.Disconnected(logger, path, context.InquiryId);
                break;
            case StreamReplyEnd.ResponseLimit:
                context.Record.End("response_limit", "response_limit");
                ServerLog.ResponseLimitReached(logger, path, context.InquiryId, limits.MaxResponseBytes);
                break;
            case StreamReplyEnd.TimeBudget:
                context.Record.End("time_budget", "time_budget");
                ServerLog.TimeBudgetReached(logger, path, context.InquiryId, limits.TotalResponseTime);
                break;
        }
    }
}
