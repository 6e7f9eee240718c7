using System.Text;
using System.Xml;
using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Formatting;
using Pei.Site.Render.Sitemap;
using Pei.Site.Text;

namespace Pei.Site.Render.Feeds;

/// <summary>
/// feed.xml (Atom, RFC 4287): an entry per published cut-off, summarising each objective's compliance, and an entry per
/// correction (fe de erratas) listing the figures it changed. A figure corrected since it was published says so in its
/// cut-off's entry, with the value first published. Entry ids are the absolute address of the cut-off's page
/// (a correction's adds "#correccion-N"), so they stay the same from build to build while the base URL does.
/// </summary>
public static class AtomFeed
{
    public const string Namespace = "http://www.w3.org/2005/Atom";

    public static byte[] Write(PlanReport report, Uri baseUrl)
    {
        var plan = report.Plan;
        var corrections = new CorrectedFigures(plan.Publications);
        var indicators = plan.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var entries = report.CutOffs.SelectMany(c => Entries(c, baseUrl, corrections, indicators)).OrderByDescending(e => e.Updated).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, XmlSettings.Indented))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteAttributeString("xml", "lang", null, "es-CO");
            xml.WriteElementString("id", Namespace, new Uri(baseUrl, SitePaths.Feed).AbsoluteUri);
            Text(xml, "title", $"{plan.Name} — cortes publicados");
            Text(xml, "subtitle", $"Seguimiento del {plan.Name}, {plan.Entity}: cada corte publicado y cada corrección.");
            xml.WriteElementString("updated", Namespace, PublicationDates.Timestamp(entries.Count > 0 ? entries.Max(e => e.Updated) : new DateOnly(plan.Period.From, 1, 1)));
            Link(xml, "self", new Uri(baseUrl, SitePaths.Feed).AbsoluteUri, "application/atom+xml");
            Link(xml, "alternate", baseUrl.AbsoluteUri, "text/html");
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, plan.Entity);
            xml.WriteElementString("uri", Namespace, baseUrl.AbsoluteUri);
            xml.WriteEndElement();
            Text(xml, "rights", $"Datos publicados con la licencia {plan.Licence.Name} ({plan.Licence.Url.AbsoluteUri}).");
            xml.WriteElementString("icon", Namespace, new Uri(baseUrl, SitePaths.FaviconSvg).AbsoluteUri);
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, entry.Id);
                Text(xml, "title", entry.Title);
                xml.WriteElementString("published", Namespace, PublicationDates.Timestamp(entry.Published));
                xml.WriteElementString("updated", Namespace, PublicationDates.Timestamp(entry.Updated));
                Link(xml, "alternate", entry.Link, "text/html");
                Text(xml, "summary", entry.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private sealed record Entry(string Id, string Title, DateOnly Published, DateOnly Updated, string Link, string Summary);

    private static IEnumerable<Entry> Entries(CutOffReport cutOff, Uri baseUrl, CorrectedFigures corrections, IReadOnlyDictionary<string, Indicator> indicators)
    {
        var date = cutOff.CutOff.Date;
        var page = new Uri(baseUrl, SitePaths.UrlPath(SitePaths.CutOff(date))).AbsoluteUri;
        var published = PublicationDates.Published(cutOff);
        var title = $"Corte al {EsCo.Date(date)}" + (string.IsNullOrWhiteSpace(cutOff.CutOff.Title) ? "" : $" — {cutOff.CutOff.Title}");
        var summary = new StringBuilder($"Cumplimiento de los objetivos estratégicos con corte al {EsCo.Date(date)}:\n");
        foreach (var objective in cutOff.Objectives)
        {
            summary.Append($"Objetivo {EsCo.Integer(objective.Objective.Number)}. {objective.Objective.Title}: ")
                .Append(objective.Compliance is { } c ? EsCo.Percent(c) : "sin indicadores programados")
                .Append(corrections.Compliance(objective) is { } corrected ? $" ({corrected.Words}; corregido el {EsCo.Date(corrected.Corrected)})" : "")
                .Append($" ({Vocabulary.ObjectiveStatus(objective.Status)}).\n");
        }
        yield return new Entry(page, title, published, published, page, summary.ToString().TrimEnd());

        if (cutOff.Publication is not { } publication)
        {
            yield break;
        }
        var errata = publication.Errata;
        for (var i = 0; i < publication.Corrections.Count; i++)
        {
            var correction = publication.Corrections[i];
            var lines = new StringBuilder($"Corrección del corte al {EsCo.Date(date)}, hecha el {EsCo.Date(correction.Date)}: {correction.Reason.Trim()}\n");
            foreach (var erratum in errata.Where(e => ReferenceEquals(e.Correction, correction)))
            {
                var unit = erratum.Key.Indicator is { } id && indicators.TryGetValue(id, out var indicator) ? indicator.Unit : (Unit?)null;
                lines.Append(Describe(erratum.Key, indicators)).Append(": ")
                    .Append(FigureText.Of(erratum.Key.Name, erratum.Before, unit)).Append(" → ").Append(FigureText.Of(erratum.Key.Name, erratum.After, unit)).Append(".\n");
            }
            yield return new Entry(
                $"{page}#correccion-{EsCo.Integer(i + 1)}",
                $"Fe de erratas del corte al {EsCo.Date(date)} ({EsCo.Date(correction.Date)})",
                correction.Date, correction.Date, page, lines.ToString().TrimEnd());
        }
    }

    /// <summary>"Objetivo 1, indicador 8116-3 (código 3), Ejecutado al corte"; an indicator no longer in the plan by its id.</summary>
    private static string Describe(FigureKey key, IReadOnlyDictionary<string, Indicator> indicators) =>
        key.Indicator is null
            ? $"Objetivo {EsCo.Integer(key.Objective)}, {Vocabulary.FigureName(key.Name)}"
            : $"Objetivo {EsCo.Integer(key.Objective)}, indicador {(indicators.TryGetValue(key.Indicator, out var indicator) ? IndicatorLabel.Short(indicator) : key.Indicator)}, {Vocabulary.FigureName(key.Name)}";

    private static void Text(XmlWriter xml, string name, string text)
    {
        xml.WriteStartElement(name, Namespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(text);
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
