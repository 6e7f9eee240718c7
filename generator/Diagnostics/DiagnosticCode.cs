using System.Globalization;

namespace Pei.Site.Diagnostics;

/// <summary>A diagnostic's code and its Spanish message template ({0}, {1}… are filled in).</summary>
public sealed record DiagnosticCode(string Code, string Template)
{
    public string Format(params object[] args) => string.Format(CultureInfo.InvariantCulture, Template, args);
}

/// <summary>
/// Every diagnostic the generator can give. The planner guide (content/README.md) lists each with an example and its fix;
/// a test keeps that list and this one in step.
/// </summary>
public static class Codes
{
    public static readonly DiagnosticCode YamlSyntax = new("PEI001", "sintaxis YAML inválida: {0}");
    public static readonly DiagnosticCode EmptyFile = new("PEI002", "el archivo está vacío; se esperaba {0}");
    public static readonly DiagnosticCode NotUtf8 = new("PEI003", "el archivo no está codificado en UTF-8 (byte 0x{0} no válido); guárdelo con la codificación UTF-8");
    public static readonly DiagnosticCode DuplicateKey = new("PEI004", "la clave '{0}' está repetida (ya aparece en la línea {1}); deje una sola");
    public static readonly DiagnosticCode UnknownKey = new("PEI005", "clave desconocida '{0}'{1}; claves válidas aquí: {2}");
    public static readonly DiagnosticCode WrongType = new("PEI006", "'{0}' debe ser {1}, pero se encontró {2}");
    public static readonly DiagnosticCode MissingKey = new("PEI007", "falta la clave obligatoria '{0}'{1}");
    public static readonly DiagnosticCode InvalidNumber = new("PEI008", "'{0}' debe ser un número (con punto decimal, p. ej. 31.92), pero se encontró '{1}'{2}");
    public static readonly DiagnosticCode OutOfRange = new("PEI009", "'{0}' vale {1}, pero {2}");
    public static readonly DiagnosticCode InvalidDate = new("PEI010", "'{0}' no es una fecha válida; use el formato AAAA-MM-DD, p. ej. 2025-06-30");
    public static readonly DiagnosticCode InvalidChoice = new("PEI011", "'{1}' no es un valor válido de '{0}'{2}; valores válidos: {3}");
    public static readonly DiagnosticCode ObjectiveNumberMismatch = new("PEI012", "'numero' es {0}, pero la carpeta '{1}' indica el objetivo {2}; deben coincidir");
    public static readonly DiagnosticCode InvalidFolderName = new("PEI013", "la carpeta '{0}' no sigue el formato NN-nombre (dos dígitos, guion y minúsculas, p. ej. 03-comunicacion-publica)");
    public static readonly DiagnosticCode InvalidId = new("PEI014", "el nombre de archivo '{0}' no es válido: el identificador (nombre sin .yaml) solo admite minúsculas a-z, dígitos y guiones, p. ej. 4199.yaml u 8116-3.yaml");
    public static readonly DiagnosticCode DuplicateId = new("PEI015", "el identificador '{0}' ya lo usa {1}; cada indicador debe tener un nombre de archivo único en todo el plan");
    public static readonly DiagnosticCode MissingFile = new("PEI016", "falta {0}");
    public static readonly DiagnosticCode YearOutsidePeriod = new("PEI017", "la vigencia {0} está fuera del periodo del plan ({1} a {2})");
    public static readonly DiagnosticCode CutOffNotInPlan = new("PEI018", "el corte {0} no está en la lista 'cortes' de plan.yaml; agréguelo allí o corrija la fecha");
    public static readonly DiagnosticCode CutOffYearMismatch = new("PEI019", "el corte {0} no pertenece a la vigencia {1}; muévalo a la vigencia {2}");
    public static readonly DiagnosticCode WeightsDoNotAddUp = new("PEI020", "las ponderaciones de la vigencia {0} del objetivo {1} suman {2} y deben sumar 100 ({3})");
    public static readonly DiagnosticCode LagWithoutObservations = new("PEI021", "el indicador tiene rezago al corte {0} (avance {1}) y no tiene 'observaciones'; explique la causa del rezago y cómo se subsanará");
    public static readonly DiagnosticCode MissingMeasurement = new("PEI022", "falta la medición del corte {0} en la vigencia {1}; agregue 'cortes: {0}:' con 'programado' y 'ejecutado'");
    public static readonly DiagnosticCode BaselineRequired = new("PEI023", "la anualización '{0}' necesita 'linea_base' (el valor de partida del indicador)");
    public static readonly DiagnosticCode CutOffsOutOfOrder = new("PEI024", "las fechas de 'cortes' deben ir en orden creciente y sin repetirse: {0} viene después de {1}");
    public static readonly DiagnosticCode InvalidPeriod = new("PEI025", "el periodo no es válido: 'desde' ({0}) debe ser menor o igual que 'hasta' ({1})");
    public static readonly DiagnosticCode AliasNotAllowed = new("PEI026", "no se permiten anclas ni alias de YAML ('&' y '*'); escriba el valor completo en cada lugar");
    public static readonly DiagnosticCode FileTooLarge = new("PEI027", "el archivo pesa {0} bytes y el máximo es {1}; un archivo de contenido no debería ser tan grande");
    public static readonly DiagnosticCode TooDeep = new("PEI028", "el YAML está anidado a más de {0} niveles; revise la sangría");
    public static readonly DiagnosticCode EmptyValue = new("PEI029", "'{0}' no puede estar vacío");
    public static readonly DiagnosticCode DuplicateObjectiveNumber = new("PEI030", "el objetivo {0} ya está definido en la carpeta '{1}'");
    public static readonly DiagnosticCode NoObjectives = new("PEI031", "el plan no tiene objetivos: cree content/objetivos/01-nombre/objetivo.yaml");
    public static readonly DiagnosticCode MultipleDocuments = new("PEI032", "el archivo tiene más de un documento YAML (separador '---'); deje uno solo");
    public static readonly DiagnosticCode CutOffOutsidePeriod = new("PEI033", "el corte {0} está fuera del periodo del plan ({1} a {2})");
    public static readonly DiagnosticCode NoIndicators = new("PEI034", "el objetivo {0} no tiene indicadores: agregue archivos en '{1}'");
    public static readonly DiagnosticCode DraftValueMissing = new("PEI035", "falta '{0}' en el corte en borrador {1}; complételo antes de publicar el corte");
    public static readonly DiagnosticCode PublishedValueMissing = new("PEI036", "falta '{0}' en el corte {1}, que ya no es borrador; complételo o vuelva a marcar el corte con 'borrador: true'");
    public static readonly DiagnosticCode UnexpectedFile = new("PEI037", "archivo inesperado '{0}': {1}");
    public static readonly DiagnosticCode NoCutOffs = new("PEI038", "'cortes' está vacío: liste al menos un corte con su 'fecha'");
    public static readonly DiagnosticCode LinkLeavesContent = new("PEI039", "'{0}' es un enlace simbólico que lleva fuera de la carpeta de contenido y no se lee; copie el archivo o la carpeta dentro del contenido en lugar de enlazarlo");
    public static readonly DiagnosticCode NotARegularFile = new("PEI040", "'{0}' no es un archivo normal sino {1} y no se lee; la carpeta de contenido solo admite archivos y carpetas");
    public static readonly DiagnosticCode BrokenLink = new("PEI041", "'{0}' es un enlace simbólico roto o circular: no lleva a ningún archivo; bórrelo o haga que apunte a un archivo dentro del contenido");
    public static readonly DiagnosticCode EditRefused = new("PEI042", "nuevo-corte no modifica '{0}': {1}");
    public static readonly DiagnosticCode OutputBusy = new("PEI043", "otra compilación está escribiendo en '{0}' desde hace más de {1} segundos; espere a que termine y vuelva a intentarlo");
    public static readonly DiagnosticCode MarkdownTooLong = new("PEI045", "el texto Markdown de '{0}' tiene {1} caracteres y el máximo es {2}; resúmalo o enlace un documento con el detalle");
    public static readonly DiagnosticCode MarkdownTooDeep = new("PEI046", "el texto Markdown de '{0}' anida {1} niveles (citas '>', listas, enlaces o énfasis unos dentro de otros) y el máximo es {2}; simplifique la estructura");
    public static readonly DiagnosticCode MarkdownTooManyMarks = new("PEI047", "un párrafo del texto Markdown de '{0}' tiene {1} marcas '[', '*' o '_' y el máximo por párrafo es {2}; separe el texto en párrafos con una línea en blanco o quite marcas sobrantes");
    public static readonly DiagnosticCode ForbiddenCharacter = new("PEI048", "el texto contiene el carácter invisible {0} ({1}), que puede alterar lo que se muestra o se imprime; bórrelo");
    public static readonly DiagnosticCode TooManyDecimals = new("PEI049", "'{0}' vale {1}, que tiene {2} decimales, y el generador calcula con exactitud hasta {3}; redondee la cifra a {3} decimales");
    public static readonly DiagnosticCode FigureOverflow = new("PEI050", "no se puede calcular {0} con exactitud: el resultado excede lo que el generador representa; revise las cifras de {1}");
    public static readonly DiagnosticCode ReservedName = new("PEI051", "'{0}' es un nombre reservado en Windows (con, prn, aux, nul, com1 a com9, lpt1 a lpt9) y el repositorio no se podría abrir allí; use otro nombre");
    public static readonly DiagnosticCode SameYearTwice = new("PEI052", "'{0}' es el mismo año que '{1}' (línea {2}): la vigencia {3} está repetida; deje una sola, escrita {3}");
    public static readonly DiagnosticCode GitRefUnreadable = new("PEI053", "no se pudo leer el contenido en la referencia git '{0}': {1}");
    public static readonly DiagnosticCode PublishedFigureChanged = new("PEI055", "el corte {0} ya está publicado y {1} cambia: se publicó {2} y ahora da {3}; si es una corrección, ejecute `corregir {0} --motivo \"…\"` para registrarla en la fe de erratas; si no, deshaga el cambio");
    public static readonly DiagnosticCode PublishedIndicatorMissing = new("PEI056", "el corte {0} ya está publicado y contó el indicador {1} del objetivo {2}, que ahora no tiene medición en ese corte; restaure la medición: un indicador que se retira conserva sus mediciones de los cortes ya publicados");
    public static readonly DiagnosticCode IndicatorNotInPublication = new("PEI057", "el indicador {1} tiene medición en el corte {0}, que ya está publicado sin contarlo; un indicador nuevo no entra en cortes ya publicados (ni con `corregir`): quite esa medición");
    public static readonly DiagnosticCode PublicationMissing = new("PEI058", "el corte {0} no es borrador y no tiene registro de publicación ({1}); ejecute `publicar {0}` para publicarlo, o márquelo otra vez con 'borrador: true'");
    public static readonly DiagnosticCode PublicationNotInPlan = new("PEI059", "el registro es del corte {0}, que no está en la lista 'cortes' de plan.yaml; un corte publicado no se borra del plan: restaure el corte en plan.yaml");
    public static readonly DiagnosticCode PublicationOfDraft = new("PEI060", "el corte {0} tiene registro de publicación, pero en plan.yaml está marcado 'borrador: true'; un corte publicado no vuelve a ser borrador: quite 'borrador: true'");
    public static readonly DiagnosticCode PublicationFileName = new("PEI061", "el archivo se llama '{0}', pero su 'corte' es {1}; el registro de un corte se llama AAAA-MM-DD.yaml con la fecha del corte ({1}.yaml)");
    public static readonly DiagnosticCode AlreadyPublished = new("PEI062", "el corte {0} ya está publicado ({1}); para cambiar sus cifras ejecute `corregir {0} --motivo \"…\"`");
    public static readonly DiagnosticCode NotPublished = new("PEI063", "el corte {0} no está publicado{1}; solo se corrige un corte publicado: para publicarlo ejecute `publicar {0}`");
    public static readonly DiagnosticCode NothingToCorrect = new("PEI064", "las cifras del corte {0} son las publicadas: nada que corregir; cambie primero el contenido (ponderaciones, metas o mediciones) y luego ejecute corregir");
    public static readonly DiagnosticCode UnreadableSheet = new("PEI065", "no se pudo leer la hoja de cálculo: {0}; use el archivo que escribió 'plantilla' (.xlsx o .csv)");
    public static readonly DiagnosticCode MissingColumn = new("PEI066", "{0}falta la columna '{1}'; la primera fila debe tener los encabezados de la plantilla: {2}");
    public static readonly DiagnosticCode InvalidSheetCutOff = new("PEI067", "{0}'{1}' no es una fecha de corte; la columna 'corte' lleva la fecha AAAA-MM-DD del corte en cada fila, como la escribió 'plantilla'");
    public static readonly DiagnosticCode MixedSheetCutOffs = new("PEI068", "{0}la fila es del corte {1}, pero la hoja es del corte {2} (fila {3}); importe un corte por archivo");
    public static readonly DiagnosticCode SheetCutOffNotInPlan = new("PEI069", "{0}el corte {1} no está en plan.yaml; créelo primero con 'nuevo-corte {1}'");
    public static readonly DiagnosticCode SheetCutOffPublished = new("PEI070", "{0}el corte {1} ya está publicado (no tiene 'borrador: true' en plan.yaml); importar solo llena cortes en borrador: use corregir para cambiar cifras publicadas");
    public static readonly DiagnosticCode UnknownSheetIndicator = new("PEI071", "{0}no hay un indicador '{1}' con vigencia {2} en el contenido; no cambie la columna 'id (no editar)'");
    public static readonly DiagnosticCode DuplicateSheetIndicator = new("PEI072", "{0}el indicador '{1}' ya aparece en la fila {2}; deje una sola fila por indicador");
    public static readonly DiagnosticCode InvalidSheetNumber = new("PEI073", "{0}'{1}' no se lee como número; escriba solo la cifra, con coma o punto decimal y sin '%' ni separador de miles, p. ej. 0,49");
    public static readonly DiagnosticCode MissingSheetIndicator = new("PEI074", "{0}falta la fila del indicador '{1}' ({2}); la hoja debe tener una fila por cada indicador con vigencia {3}");
    public static readonly DiagnosticCode InvalidUrl = new("PEI080", "'{0}' debe ser una dirección web completa que empiece por https:// o http://, p. ej. https://www.entidad.gov.co/pei/, pero se encontró '{1}'");
    public static readonly DiagnosticCode ChromiumMissing = new("PEI081", "no se encontró Chromium, que hace falta para generar los informes PDF (--pdf): instálelo con 'apt-get install chromium' o indique la ruta del ejecutable en la variable de entorno PEI_CHROMIUM");
    public static readonly DiagnosticCode PdfFailed = new("PEI082", "no se pudo imprimir el informe PDF del corte {0} con Chromium: {1}");
    public static readonly DiagnosticCode PublishedBeforeCutOff = new("PEI083", "la fecha de publicación {1} es anterior al corte {0}: un corte se publica en la fecha del corte o después");
    public static readonly DiagnosticCode DateAfterToday = new("PEI084", "la fecha {0} es posterior a hoy ({1}, en Bogotá): no se publica ni se corrige con fecha futura");
    public static readonly DiagnosticCode CorrectionBeforePublication = new("PEI085", "la corrección con fecha {0} es anterior a la publicación del corte {1}, el {2}: una corrección se fecha el día de la publicación o después");
    public static readonly DiagnosticCode CorrectionBeforeEarlier = new("PEI086", "la corrección con fecha {0} es anterior a la corrección anterior del corte {1}, del {2}: cada corrección se agrega al final, con fecha igual o posterior a la de la anterior");
    public static readonly DiagnosticCode CorrectionAddsFigure = new("PEI087", "la corrección del {0} agrega {1}, que el corte {2} no publicó: una corrección solo cambia cifras publicadas, y un indicador nuevo no entra en un corte ya publicado");
    public static readonly DiagnosticCode CorrectionRepeatsFigure = new("PEI088", "la corrección del {0} repite {1} con el valor vigente ({2}): una corrección lista solo las cifras que cambian, como la escribe `corregir`");
    public static readonly DiagnosticCode RecordDeleted = new("PEI089", "el registro del corte {0} está en {1} y aquí no: se borró o se renombró; un corte publicado no se retira: restaure el archivo como está en {1}");
    public static readonly DiagnosticCode PublishedCutOffWithdrawn = new("PEI090", "el corte {0} está publicado en {1} y aquí {2}: un corte publicado no se retira ni vuelve a borrador; restaure el corte y su registro como están en {1} y, si una cifra debe cambiar, ejecute `corregir {0} --motivo \"…\"`");
    public static readonly DiagnosticCode PublicationDateChanged = new("PEI091", "el registro del corte {0} cambia su fecha de publicación (en {1}: {2}; aquí: {3}): la fecha de publicación no cambia; restáurela");
    public static readonly DiagnosticCode RecordFigureChanged = new("PEI092", "el registro del corte {0} cambia una cifra publicada, {1} (en {2}: {3}; aquí: {4}): las cifras publicadas no se reescriben; restáurela y, si debe cambiar, ejecute `corregir {0} --motivo \"…\"`");
    public static readonly DiagnosticCode CorrectionRemoved = new("PEI093", "el registro del corte {0} quita la corrección del {1} (motivo: «{2}»), que está en {3}: la fe de erratas no se borra; restáurela");
    public static readonly DiagnosticCode CorrectionChanged = new("PEI094", "la corrección del {1} del corte {0} cambia {2} (en {3}: {4}; aquí: {5}): una corrección registrada no se modifica; restáurela y, si hace falta, agregue otra con `corregir {0} --motivo \"…\"`");
    public static readonly DiagnosticCode CorrectionMoved = new("PEI095", "la corrección del {1} del corte {0} cambió de lugar (en {2} es la {3}.ª; aquí, la {4}.ª): las correcciones conservan su orden y cada nueva se agrega al final");
    public static readonly DiagnosticCode SheetUnpackedTooLarge = new("PEI110", "el libro descomprimido {0}; una hoja de medición ocupa unos kilobytes: no es el archivo que escribió 'plantilla'");
    public static readonly DiagnosticCode SheetTooManyRows = new("PEI111", "{0}la hoja pasa de {1} filas; una hoja de medición tiene una fila por indicador: borre las filas sobrantes o use el archivo que escribió 'plantilla'");
    public static readonly DiagnosticCode SheetTooManyColumns = new("PEI112", "{0}la hoja tiene datos en la columna {1} y el máximo es {2}; borre las columnas que sobran a la derecha de las de la plantilla");
    public static readonly DiagnosticCode SheetCellTooLong = new("PEI113", "{0}la celda tiene {1} caracteres y el máximo es {2} (el de una celda de Excel); acorte el texto");
    public static readonly DiagnosticCode LinkLoop = new("PEI114", "'{0}' es un enlace simbólico a una carpeta que lo contiene: un ciclo que los programas que recorren carpetas siguen sin fin; bórrelo");
    public static readonly DiagnosticCode TooManyEntries = new("PEI115", "la carpeta tiene más de {0} archivos y carpetas (contando cada camino a través de enlaces simbólicos); quite lo que no es contenido");
    public static readonly DiagnosticCode ThemeFileRefused = new("PEI116", "'{0}' del tema no se usa: {1}; el tema solo admite archivos y carpetas dentro de su propia carpeta");
    public static readonly DiagnosticCode InvalidGitRef = new("PEI117", "'{0}' no es una referencia git válida ({1}); use una rama, etiqueta o commit, p. ej. origin/main");
    public static readonly DiagnosticCode AddressWithCredentials = new("PEI118", "la dirección '{0}' lleva usuario o contraseña ('usuario:clave@'), que quedarían publicados en cada página; escriba la dirección pública sin ellos");
    public static readonly DiagnosticCode SheetTooManyCells = new("PEI119", "{0}la hoja pasa de {1} celdas con datos; una hoja de medición tiene una fila por indicador y las columnas de la plantilla: use el archivo que escribió 'plantilla'");
    public static readonly DiagnosticCode OutputNotWritten = new("PEI120", "no se pudo escribir el archivo: {0}; no quedó nada escrito");
    public static readonly DiagnosticCode RunningTotalFalls = new("PEI130", "'{0}' baja de {1} en el corte {2} a {3} en el corte {4}, pero con anualización '{5}' cada corte lleva el acumulado del año hasta la fecha, no solo lo del periodo: escriba el acumulado ({1} más lo del periodo) o, si el acumulado de verdad bajó, explíquelo en 'observaciones'");
    public static readonly DiagnosticCode ThousandsLookalike = new("PEI131", "{0}{1} se lee como {2}, con tres decimales, porque {3} el punto separa los decimales, no los miles; si la cifra es {4} (sin decimales), escriba {4}; si de verdad tiene tres decimales, no cambie nada");
    public static readonly DiagnosticCode FigureScaleOff = new("PEI132", "'{0}' vale {1}, unas {2} veces {3} que {4} ({5}); revise la cifra: {6}");
    public static readonly DiagnosticCode PercentCellForNumber = new("PEI133", "{0}la celda tiene formato de porcentaje y muestra {1}, pero el indicador '{2}' se mide en número (unidad 'numero'); quite el formato de porcentaje de la celda (Formato de celdas → Número) y escriba la cifra");
    public static readonly DiagnosticCode FormulaWithoutValue = new("PEI134", "{0}la celda tiene la fórmula '={1}' sin su resultado guardado; abra el archivo en Excel o LibreOffice y guárdelo de nuevo (así se guarda el resultado) o escriba la cifra en lugar de la fórmula");
    public static readonly DiagnosticCode BooleanCell = new("PEI135", "{0}la celda tiene el valor lógico {1}, no una cifra; escriba el número");
    public static readonly DiagnosticCode ErrorCell = new("PEI136", "{0}la celda muestra el error {1} de una fórmula; corrija la fórmula o escriba la cifra");
    public static readonly DiagnosticCode DateCell = new("PEI144", "{0}la celda tiene formato de fecha y muestra {1}: el programa de hoja de cálculo tomó la cifra por una fecha; quite el formato de fecha (Formato de celdas → Número) y escriba la cifra con coma decimal (p. ej. 1,5)");
    public static readonly DiagnosticCode YearNotContinued = new("PEI137", "el indicador {0} (objetivo {1}) tiene vigencia {2} y no {3}, y el plan ya tiene el corte {4} de {3}; si sigue en {3}, agréguele la vigencia {3} con 'meta', 'ponderacion' y la medición del corte; si terminó, escriba 'ultima_vigencia: {2}'");
    public static readonly DiagnosticCode ObjectiveNotContinued = new("PEI138", "el objetivo {0} tiene indicadores con vigencia {1} y ninguno con vigencia {2}, y el plan ya tiene el corte {3} de {2}; agregue la vigencia {2} a sus indicadores o marque con 'ultima_vigencia: {1}' los que terminaron");
    public static readonly DiagnosticCode LastYearBeforeYear = new("PEI139", "'ultima_vigencia' es {0}, pero el indicador tiene la vigencia {1}, posterior; quite la vigencia {1} o corrija 'ultima_vigencia'");
    public static readonly DiagnosticCode DiscardPublished = new("PEI140", "el corte {0} ya está publicado ({1}): un corte publicado no se descarta, porque sus cifras ya son públicas; si una cifra debe cambiar, ejecute `corregir {0} --motivo \"…\"`");
    public static readonly DiagnosticCode DiscardOnlyCutOff = new("PEI141", "el corte {0} es el único de la lista 'cortes' y el plan necesita al menos uno; agregue primero otro corte o corrija la fecha de este");
    public static readonly DiagnosticCode ThemeMissing = new("PEI142", "no se encontró la carpeta del tema '{0}'; sin --theme el programa usa la carpeta 'site-theme' de la carpeta donde se ejecuta o, si no está, la que está junto al programa (así viene en la descarga): indique con --theme dónde está");
    public static readonly DiagnosticCode PdfNotInDownload = new("PEI143", "esta descarga del generador no imprime los informes PDF (--pdf): los imprime la publicación automática del sitio en GitHub; genere el sitio sin --pdf");
    public static readonly DiagnosticCode IncompleteLagExplanation = new("PEI150", "la explicación estructurada del corte {0} está incompleta: falta {1}; una explicación estructurada lleva las cuatro claves causa, accion, responsable y fecha_compromiso, o ninguna");
    public static readonly DiagnosticCode LagNeedsCommitment = new("PEI151", "el indicador está en rezago al corte {0} ({1} de avance al corte) y desde el corte {2} ('compromisos_desde' en plan.yaml) cada rezago se explica con causa, accion, responsable y fecha_compromiso; falta {3}");
    public static readonly DiagnosticCode CommitmentDueNotAfterCutOff = new("PEI152", "la fecha_compromiso {0} no es posterior al corte {1}: un compromiso nuevo se fija para después del corte en que se adquiere; solo se repite una fecha ya pasada para mantener un compromiso anterior del indicador con esa misma fecha");
    public static readonly DiagnosticCode CommitmentsFromNotACutOff = new("PEI153", "'compromisos_desde' es {0}, que no es un corte de la lista 'cortes' de plan.yaml; escriba la fecha del primer corte desde el que cada rezago necesita causa, accion, responsable y fecha_compromiso ({1})");
    public static readonly DiagnosticCode ExplanationWithoutLag = new("PEI154", "la medición del corte {0} tiene causa, accion, responsable y fecha_compromiso, pero el indicador no está en rezago ({1}): ese compromiso no se publica ni se sigue; quite esas claves o revise las cifras");
    public static readonly DiagnosticCode YearTargetsMissing = new("PEI155", "el indicador no tiene la vigencia {0} (meta y ponderación del año) y ya pasó el 31 de enero de {0}; agréguela en 'vigencias' para publicar el plan de acción del año, o retire el indicador si ya no se mide");
    public static readonly DiagnosticCode PlanYearTargetsMissing = new("PEI156", "ninguno de los {1} indicadores tiene la vigencia {0} (meta y ponderación del año) y ya pasó el 31 de enero de {0}; agregue la vigencia {0} a cada indicador para publicar el plan de acción del año");
    public static readonly DiagnosticCode InvalidSheetCommitmentDate = new("PEI157", "{0}'{1}' no es una fecha; la columna 'fecha_compromiso' lleva la fecha AAAA-MM-DD en que el rezago debe quedar superado, p. ej. 2025-09-30, o se deja vacía");
    public static readonly DiagnosticCode ThemeError = new("PEI100", "error en la plantilla del tema: {0}");
    public static readonly DiagnosticCode OutputRefused = new("PEI101", "{0}");

    /// <summary>All codes, in code order (reflection over this class's fields).</summary>
    public static IReadOnlyList<DiagnosticCode> All { get; } =
        typeof(Codes).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticCode))
            .Select(f => (DiagnosticCode)f.GetValue(null)!)
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
}
