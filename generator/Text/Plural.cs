namespace Pei.Site.Text;

/// <summary>Counts in Spanish words: "1 indicador", "3 indicadores", "0 errores".</summary>
public static class Plural
{
    public static string Of(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
