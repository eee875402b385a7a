namespace Cinnox.Chatbot.Server;

/// <summary>
/// Thrown out of the endpoint when a handler fails after its event stream has started, so that the server closes the
/// connection without completing the response once the events already written have gone out. Middleware that sees it
/// cannot change the response any more; the inner exception is the handler's.
/// </summary>
internal sealed class ChatbotStreamFailedException : Exception
{
    public ChatbotStreamFailedException(Exception handlerException)
        : base("The chatbot handler failed after its event stream had started; the reply ends here and the platform sees it as interrupted.", handlerException)
    {
    }

    public ChatbotStreamFailedException()
        : base("The chatbot handler failed after its event stream had started.")
    {
    }

    public ChatbotStreamFailedException(string message)
        : base(message)
    {
    }

    public ChatbotStreamFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
