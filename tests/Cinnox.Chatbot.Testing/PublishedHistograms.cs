using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Cinnox.Chatbot.Testing;

/// <summary>Finds the histograms a component publishes, to check the bucket advice they carry.</summary>
public static class PublishedHistograms
{
    /// <summary>Creates a component on a fresh <see cref="IMeterFactory"/> and returns the histograms published on it.</summary>
    /// <param name="create">Creates the component with the meter factory given.</param>
    /// <returns>The <see cref="Histogram{T}"/> instruments of <see cref="double"/> and <see cref="long"/> published while creating it.</returns>
    public static IReadOnlyList<Instrument> Of(Action<IMeterFactory> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var histograms = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Scope == meterFactory && instrument is Histogram<double> or Histogram<long>)
                {
                    histograms.Add(instrument);
                }
            },
        };
        listener.Start();

        create(meterFactory);
        return histograms;
    }
}
