/// The page that hands an export over: the one-time code, shown once, and the file's link.
enum ExportTemplates {
    static let ready = """
        {{> header}}
        <p><a href="/patients/{{id}}">{{patientName}}</a></p>
        <h1>{{x.exportReadyTitle}}</h1>
        <section class="card">
        <p>{{x.exportCodeIntro}}</p>
        <p class="one-time-code" id="export-code">{{code}}</p>
        <p><a class="button" id="export-download" href="/exports/{{token}}" download>{{x.exportDownload}}</a></p>
        <p class="note">{{x.exportOnce}}</p>
        </section>
        {{> footer}}
        """
}
