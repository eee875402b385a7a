namespace Cinnox.Chatbot.Rooms;

/// <summary>A point on Earth reported by the visitor's device.</summary>
/// <param name="Latitude">Degrees north (negative south), from -90 to 90.</param>
/// <param name="Longitude">Degrees east (negative west), from -180 to 180.</param>
public readonly record struct GeoLocation(double Latitude, double Longitude)
{
    /// <summary>Returns the point as <c>latitude, longitude</c> with invariant formatting.</summary>
    /// <returns>The point as text.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Latitude:0.#####}, {Longitude:0.#####}");
}
