using Microsoft.Playwright;

namespace Cinnox.Chatbot.Tool.Tests.Playground;

/// <summary>
/// One headless Debian chromium for the browser tests, driven by Playwright (never a downloaded browser). Start it with
/// <c>eval "$(bash .ci/services)"</c>, which installs chromium and exports <c>CINNOX_TEST_CHROMIUM</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "CINNOX_TEST_CHROMIUM";
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Gets why the browser tests are skipped, or null when they run (always in CI, where a missing browser fails them).</summary>
    public static string? SkipReason =>
        File.Exists(Environment.GetEnvironmentVariable(ChromiumVariable)) || Environment.GetEnvironmentVariable("CINNOX_TEST_REQUIRE_SERVICES") == "1"
            ? null
            : $"No chromium: run `eval \"$(bash .ci/services)\"` to install Debian's chromium and export {ChromiumVariable}.";

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        var path = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The browser tests need chromium: {ChromiumVariable} is '{path}'. Run `eval \"$(bash .ci/services)\"`.");
        }

        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
