/// The page that hands an export over: the one-time code, shown once, and the file's link.
enum ExportTemplates {
    static let ready = """
        {{> header}}
        <p><a href="/patients/{{id}}">{{patientName}}</a></p>
        <h1>{{x.exportReadyTitle}}</h1>
        <section class="card">
        {{> exportHandover}}
        </section>
        {{> footer}}
        """

    /// The code, shown once, and the file's link: both pages end with it.
    static let handover = """
        <p>{{x.exportCodeIntro}}</p>
        <p class="one-time-code" id="export-code">{{code}}</p>
        <p><a class="button" id="export-download" href="/exports/{{token}}" download>{{x.exportDownload}}</a></p>
        <p class="note">{{x.exportOnce}}</p>
        """

    /// The same for a practice export (or a deleted doctor's patients).
    static let practiceReady = """
        {{> header}}
        <h1>{{title}}</h1>
        {{#note}}<p class="flash" role="status">{{note}}</p>{{/note}}
        <section class="card">
        <p>{{summary}}</p>
        {{> exportHandover}}
        </section>
        {{> footer}}
        """
}
