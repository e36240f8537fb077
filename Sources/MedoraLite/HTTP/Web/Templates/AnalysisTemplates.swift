/// The analysis pages' templates: choosing a panel, the entry form, the printable report.
enum AnalysisTemplates {
    static let panels = """
        {{> header}}
        <p><a href="/patients/{{patientId}}">{{patientName}}</a></p>
        <h1>{{l.choosePanel}}</h1>
        <ul class="panels">{{#panels}}<li><a class="button" href="{{href}}">{{name}}</a> <span class="note">{{tests}}</span></li>{{/panels}}</ul>
        <section class="card"><h2>{{l.pasteTitle}}</h2><p class="note">{{l.pasteHint}}</p>
        <form method="post" action="/patients/{{patientId}}/analyses/paste"><input type="hidden" name="csrf" value="{{csrf}}">
        <label for="table" class="hidden">{{l.pasteTitle}}</label><textarea id="table" name="table" rows="8" spellcheck="false"></textarea>
        <button type="submit">{{l.pasteButton}}</button></form></section>
        <section class="card"><h2>{{l.importTitle}}</h2><p class="note">{{l.importHint}}</p>
        <form method="post" action="/patients/{{patientId}}/analyses/import"><input type="hidden" name="csrf" value="{{csrf}}">
        <label for="csvfile">{{l.chooseFile}}</label><input id="csvfile" type="file" accept=".csv,text/csv" data-csv-file="csv">
        <label for="csv" class="hidden">{{l.importTitle}}</label><textarea id="csv" name="csv" rows="6" spellcheck="false"></textarea>
        <button type="submit">{{l.importButton}}</button></form></section>
        {{> footer}}
        """

    static let form = """
        {{> header}}
        <p><a href="/patients/{{patientId}}">{{patientName}}</a></p>
        <h1>{{title}}{{#panelName}} · {{panelName}}{{/panelName}}</h1>
        {{#hasErrors}}<p class="error" role="alert">{{t.fixErrors}}</p>{{/hasErrors}}
        {{#pasted}}<p class="flash" role="status">{{l.pastePreview}}</p>{{/pasted}}
        {{#hasUnread}}<section class="warning"><h2>{{l.notUnderstood}}</h2><ul>{{#unread}}<li>{{l.row}} {{number}}: <code>{{text}}</code> — {{problem}}</li>{{/unread}}</ul></section>{{/hasUnread}}
        <form method="post" action="{{action}}" class="card entry" data-flags data-low="{{flagWords.low}}" data-high="{{flagWords.high}}"
         data-critical-low="{{flagWords.criticalLow}}" data-critical-high="{{flagWords.criticalHigh}}" data-normal="{{flagWords.normal}}">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="codes" value="{{codes}}">
        {{#version}}<input type="hidden" name="version" value="{{version}}">{{/version}}
        <div class="row3">
        <div class="field{{#takenOnError}} invalid{{/takenOnError}}"><label for="takenOn">{{l.takenOn}}</label>
        <input id="takenOn" name="takenOn" type="date" value="{{takenOn}}" required>{{#takenOnError}}<p class="field-error">{{takenOnError}}</p>{{/takenOnError}}</div>
        <div class="field{{#labError}} invalid{{/labError}}"><label for="lab">{{l.lab}}</label>
        <input id="lab" name="lab" value="{{lab}}" maxlength="200">{{#labError}}<p class="field-error">{{labError}}</p>{{/labError}}</div>
        {{#canBePregnant}}<div class="field check"><input id="pregnant" name="pregnant" type="checkbox" {{#pregnant}}checked{{/pregnant}}>
        <label for="pregnant">{{l.pregnant}}</label></div>{{/canBePregnant}}
        </div>
        {{#resultsError}}<p class="field-error">{{resultsError}}</p>{{/resultsError}}
        <table class="entry"><thead><tr><th>{{l.test}}</th><th>{{l.value}}</th><th>{{l.unit}}</th><th>{{l.reference}}</th><th>{{l.labRange}}</th></tr></thead><tbody>
        {{#rows}}<tr data-row data-ref-low="{{refLow}}" data-ref-high="{{refHigh}}" data-crit-low="{{critLow}}" data-crit-high="{{critHigh}}"{{#error}} class="invalid"{{/error}}>
        <th scope="row"><label for="v-{{code}}">{{name}}</label> <span class="note">{{key}}</span></th>
        <td><input id="v-{{code}}" name="value.{{code}}" value="{{value}}" inputmode="decimal" autocomplete="off" class="value" data-value>
        <span class="flag" data-flag aria-live="polite"></span>{{#error}}<p class="field-error">{{error}}</p>{{/error}}</td>
        <td><label for="u-{{code}}" class="hidden">{{l.unit}}</label><select id="u-{{code}}" name="unit.{{code}}" data-unit>{{#units}}<option value="{{ucum}}" data-factor="{{factor}}" {{#selected}}selected{{/selected}}>{{display}}</option>{{/units}}</select></td>
        <td class="note">{{reference}}</td>
        <td class="range"><label for="lo-{{code}}" class="hidden">{{l.rangeLow}}</label><input id="lo-{{code}}" name="low.{{code}}" value="{{low}}" inputmode="decimal" data-low>
        <label for="hi-{{code}}" class="hidden">{{l.rangeHigh}}</label><input id="hi-{{code}}" name="high.{{code}}" value="{{high}}" inputmode="decimal" data-high></td></tr>{{/rows}}
        </tbody></table>
        <div class="field{{#commentError}} invalid{{/commentError}}"><label for="comment">{{l.comment}}</label>
        <textarea id="comment" name="comment" rows="3">{{comment}}</textarea>{{#commentError}}<p class="field-error">{{commentError}}</p>{{/commentError}}</div>
        <button type="submit">{{l.saveAnalysis}}</button> <a href="/patients/{{patientId}}">{{t.cancel}}</a></form>
        {{> footer}}
        """

    static let report = """
        {{> header}}
        <p class="actions"><a href="/patients/{{patientId}}">{{patientName}}</a> · <a href="/patients/{{patientId}}/analyses/{{id}}/edit">{{t.edit}}</a>
         · <button type="button" class="link" data-print>{{l.print}}</button></p>
        <article class="report">
        <header class="report-head"><p class="clinic">{{clinic}}</p><h1>{{l.report}}: {{l.analyses}}</h1>
        <p class="patient-name">{{patientName}}</p>
        <dl class="details">{{#birthDate}}<dt>{{birthDateLabel}}</dt><dd>{{birthDate}}</dd>{{/birthDate}}
        {{#sex}}<dt>{{sexLabel}}</dt><dd>{{sex}}</dd>{{/sex}}<dt>{{l.takenOn}}</dt><dd>{{takenOn}}</dd>{{#lab}}<dt>{{l.lab}}</dt><dd>{{lab}}</dd>{{/lab}}</dl></header>
        <h2>{{l.results}}</h2>
        <table class="results"><thead><tr><th>{{l.test}}</th><th>{{l.value}}</th><th>{{l.unit}}</th><th>{{l.reference}}</th><th>{{l.flag}}</th><th>{{l.change}}</th></tr></thead><tbody>
        {{#rows}}<tr class="{{flagClass}}"><td>{{name}}</td><td class="num">{{value}}{{#entered}} <span class="note">({{entered}})</span>{{/entered}}</td><td>{{unit}}</td>
        <td>{{reference}} <span class="note">{{source}}</span></td><td class="flagcell">{{flag}}</td><td class="num">{{change}}</td></tr>{{/rows}}
        </tbody></table>
        {{#hasDerived}}<h2>{{l.derived}}</h2><table class="derived"><tbody>
        {{#derived}}<tr><td>{{name}}</td><td class="num">{{value}} {{unit}}</td><td class="note">{{formula}}; {{inputs}}</td></tr>{{/derived}}
        </tbody></table>{{/hasDerived}}
        <h2>{{l.reading}}</h2><ul class="reading">{{#reading}}<li>{{.}}</li>{{/reading}}</ul>
        {{#aiText}}<section class="ai"><h2>{{l.aiReading}}</h2><p class="pre">{{aiText}}</p><p class="note">{{aiNote}}</p></section>{{/aiText}}
        <p class="disclaimer">{{disclaimer}}</p>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#aiOn}}<form method="post" action="/patients/{{patientId}}/analyses/{{id}}/ai" class="actions"><input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit">{{l.aiAsk}}</button></form>{{/aiOn}}
        {{#comment}}<h2>{{l.comment}}</h2><p class="pre">{{comment}}</p>{{/comment}}
        {{#hasTrends}}<h2>{{l.trends}}</h2><div class="trends">{{#trends}}<figure><figcaption>{{name}}, {{unit}}</figcaption>{{{svg}}}<p class="note">{{first}} → {{last}}</p></figure>{{/trends}}</div>{{/hasTrends}}
        </article>
        {{#canDelete}}<form method="post" action="/patients/{{patientId}}/analyses/{{id}}/delete" data-confirm="{{l.confirmDeleteAnalysis}}">
        <input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="danger">{{t.delete}}</button></form>{{/canDelete}}
        {{> footer}}
        """

    static let importPage = """
        {{> header}}
        <p><a href="/patients/{{patientId}}">{{patientName}}</a></p>
        <h1>{{l.importTitle}}</h1>
        {{#hasErrors}}<p class="error" role="alert">{{l.importErrors}}</p>
        <table><thead><tr><th>{{l.row}}</th><th>{{l.column}}</th><th>{{l.problem}}</th></tr></thead><tbody>
        {{#errors}}<tr><td>{{row}}</td><td><code>{{column}}</code></td><td>{{problem}}</td></tr>{{/errors}}</tbody></table>{{/hasErrors}}
        {{#preview}}<p class="flash" role="status">{{preview}}</p>
        <table><thead><tr><th>{{l.takenOn}}</th><th>{{l.lab}}</th><th>{{l.results}}</th></tr></thead><tbody>
        {{#groups}}<tr><td>{{takenOn}}</td><td>{{lab}}</td><td>{{tests}}</td></tr>{{/groups}}</tbody></table>
        <form method="post" action="/patients/{{patientId}}/analyses/import"><input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="confirm" value="1"><input type="hidden" name="csv" value="{{csv}}">
        <button type="submit">{{l.importSave}}</button></form>{{/preview}}
        <section class="card"><form method="post" action="/patients/{{patientId}}/analyses/import"><input type="hidden" name="csrf" value="{{csrf}}">
        <label for="csv">{{l.importTitle}}</label><textarea id="csv" name="csv" rows="10" spellcheck="false">{{csv}}</textarea>
        <button type="submit">{{l.importButton}}</button></form></section>
        {{> footer}}
        """
}
