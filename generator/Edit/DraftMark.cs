using Pei.Site.Diagnostics;
using Pei.Site.Model;

namespace Pei.Site.Edit;

/// <summary>
/// The text edit of <c>publicar</c> in plan.yaml: the <c>borrador</c> key of one cut-off of <c>cortes</c> goes away, with
/// its line (and a comment on that line); every other character stays. A cut-off without the key is left as it is; one
/// written in flow style is refused.
/// </summary>
public static class DraftMark
{
    public static SourceText? Remove(SourceText plan, DateOnly date, string display, DiagnosticBag diagnostics)
    {
        var fecha = ContentWords.Of(date);
        var item = (YamlLayout.Read(plan.Text) as LayoutMapping)?.Entry("cortes")?.Value is LayoutSequence { IsFlow: false } cutOffs
            ? cutOffs.Items.OfType<LayoutMapping>().FirstOrDefault(i => (i.Entry("fecha")?.Value as LayoutScalar)?.Value == fecha)
            : null;
        var draft = item?.Entries.FirstOrDefault(e => e.Key.Value == "borrador");
        if (item is not null && draft is null)
        {
            return plan; // already without the mark: a cut-off published before it had a record
        }
        if (item is not { IsFlow: false } || draft is null)
        {
            var (line, column) = plan.Position(item?.Start ?? 0);
            diagnostics.Error(Codes.WrongType, new SourceSpan(display, line, column), $"el corte {fecha}",
                "un elemento de 'cortes' escrito en bloque, con 'borrador: true' en su propia línea, para que publicar pueda quitarlo",
                item is { IsFlow: true } ? "un mapa entre llaves ({…})" : "otra cosa");
            return null;
        }
        var index = item.Entries.ToList().IndexOf(draft);
        // The first key shares its line with the item's dash: keep the dash and take the key up to the next one.
        return index == 0
            ? plan.Remove(draft.Key.Start, item.Entries[1].Key.Start)
            : plan.RemoveLines(draft.Key.Start, draft.Value.End);
    }
}
