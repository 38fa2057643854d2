namespace VoServices.Dali;
/// <summary>placeholder removed by the Dali work</summary>
internal static class Placeholder;
