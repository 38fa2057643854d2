namespace VoServices.VoTable;
/// <summary>placeholder removed by the Dali work</summary>
internal static class Placeholder;
