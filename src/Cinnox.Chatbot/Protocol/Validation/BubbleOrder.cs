namespace Cinnox.Chatbot;

/// <summary>
/// The order of a bubble's items (docs/protocol.md#advanced-message: "text, media and button items, in the order Text → Media → Button"),
/// followed item by item. The validator and <see cref="BubbleBuilder"/> both keep one, so the rule and its
/// wording live here only.
/// </summary>
internal struct BubbleOrder
{
    private const int None = -1;
    private int _highest;

    /// <summary>Initializes an order that has seen no items yet.</summary>
    public BubbleOrder() => _highest = None;

    /// <summary>
    /// Takes the next item: true when it may follow the items seen so far. Items of unknown or null type have no
    /// place in the order and always pass; the other rules report them.
    /// </summary>
    /// <param name="item">The next item of the bubble.</param>
    /// <param name="problem">Why it may not follow, when it may not.</param>
    public bool TryAccept(AdvancedItem? item, out string problem)
    {
        var rank = Rank(item);
        if (rank != None && rank < _highest)
        {
            problem = $"A {Name(rank)} item cannot follow a {Name(_highest)} item: a bubble's items run Text → Media → Button.";
            return false;
        }

        _highest = Math.Max(_highest, rank);
        problem = string.Empty;
        return true;
    }

    private static int Rank(AdvancedItem? item) => item switch
    {
        TextItem => 0,
        MediaItem => 1,
        ButtonItem => 2,
        _ => None,
    };

    private static string Name(int rank) => rank switch
    {
        0 => "text",
        1 => "media",
        _ => "button",
    };
}
