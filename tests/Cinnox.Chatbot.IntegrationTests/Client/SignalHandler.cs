namespace Cinnox.Chatbot.IntegrationTests.Client;

internal sealed class SignalHandler(TaskCompletionSource headersArrived) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        headersArrived.TrySetResult();
        return response;
    }
}
