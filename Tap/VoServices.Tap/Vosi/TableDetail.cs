namespace VoServices.Tap.Vosi;

/// <summary>
/// The VOSI-tables <c>detail</c> hint (VOSI 1.1 §3.4): <see cref="Min"/> lists tables without columns or foreign
/// keys, <see cref="Max"/> describes everything.
/// </summary>
public enum TableDetail
{
    /// <summary>Tables with columns and foreign keys (<c>detail=max</c>).</summary>
    Max,

    /// <summary>Schema and table names, descriptions and row counts only (<c>detail=min</c>).</summary>
    Min,
}

/// <summary>Parses the <c>detail</c> parameter value.</summary>
public static class TableDetailParser
{
    /// <summary>
    /// Maps <c>min</c>/<c>max</c> (any case) to a <see cref="TableDetail"/>; anything else, or no value, gives
    /// <paramref name="fallback"/>, because VOSI 1.1 §3.4 makes <c>detail</c> only a hint to the service.
    /// </summary>
    public static TableDetail Parse(string? value, TableDetail fallback) => value?.Trim() switch
    {
        { } v when v.Equals("min", StringComparison.OrdinalIgnoreCase) => TableDetail.Min,
        { } v when v.Equals("max", StringComparison.OrdinalIgnoreCase) => TableDetail.Max,
        _ => fallback,
    };
}
