using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("Cinnox.Chatbot.Rooms.PostgreSql.Tests.PostgreSqlTestFramework", "Cinnox.Chatbot.Rooms.PostgreSql.Tests")]

namespace Cinnox.Chatbot.Rooms.PostgreSql.Tests;

/// <summary>
/// Every test of this assembly needs a PostgreSQL server, including the store contract's tests inherited from
/// <c>RoomStoreContract</c>. Without <c>CINNOX_TEST_POSTGRES</c> (and outside CI) they are reported as skipped with
/// the way to start a server; with <c>CINNOX_TEST_REQUIRE_SERVICES=1</c> they run, and fail when the server is missing.
/// </summary>
public sealed class PostgreSqlTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (PostgreSqlServer.SkipReason is null || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }

            var skipped = new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}

/// <summary>A test case reported as skipped because no PostgreSQL server is configured.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    /// <summary>Initializes a new instance for deserialization.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="sink">The diagnostic sink.</param>
    /// <param name="display">The display style.</param>
    /// <param name="options">The display options.</param>
    /// <param name="method">The test method.</param>
    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method)
    {
    }

    /// <inheritdoc />
    protected override void Initialize()
    {
        base.Initialize();
        SkipReason = PostgreSqlServer.SkipReason;
    }
}
