import Foundation
import Mustache

/// The page templates, compiled into the binary (no files beside it). Every `{{value}}` is
/// HTML-escaped by the engine; there is no inline script or style (the CSP forbids both).
enum WebTemplates {
    static let sources: [String: String] = [
        "header": header, "footer": footer, "login": login, "dashboard": dashboard,
        "patients": patients, "patient": patient, "patientForm": patientForm, "message": message, "account": account,
        "users": users, "user": user, "document": document, "settings": settings, "consent": consent,
        "panels": AnalysisTemplates.panels, "analysisForm": AnalysisTemplates.form, "analysis": AnalysisTemplates.report,
        "analysisImport": AnalysisTemplates.importPage, "backups": backups, "audit": audit, "accessPanel": accessPanel, "trash": trash,
        "exportReady": ExportTemplates.ready, "practiceReady": ExportTemplates.practiceReady, "exportHandover": ExportTemplates.handover,
    ]

    /// Nil only if a template does not parse (a test renders every one).
    static let library: MustacheLibrary? = {
        var templates: [String: MustacheTemplate] = [:]
        for (name, source) in sources {
            guard let template = try? MustacheTemplate(string: source) else { return nil }
            templates[name] = template
        }
        return MustacheLibrary(templates: templates)
    }()

    static let header = """
        <!doctype html>
        <html lang="{{lang}}"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · {{clinic}}</title>
        <link rel="icon" href="/static/icon.svg"><link rel="stylesheet" href="/static/app.css"><script src="/static/app.js" defer></script></head>
        <body>
        <a class="skip" href="#main">{{t.skipToContent}}</a>
        <header class="top"><a class="brand" href="/">{{clinic}}</a>
        <nav>{{#user}}<a href="/">{{t.dashboard}}</a><a href="/patients">{{t.patients}}</a><a href="/account">{{t.account}}</a>{{#isAdmin}}<a href="/users">{{t.users}}</a><a href="/settings">{{t.settings}}</a><a href="/backups">{{t.backups}}</a><a href="/audit">{{t.audit}}</a>{{/isAdmin}}{{/user}}<a href="/help">{{t.help}}</a></nav>
        <div class="tools">
        {{#anonymous}}<span class="langs">{{#languages}}<a href="/lang/{{code}}" {{#current}}aria-current="true"{{/current}}>{{code}}</a>{{/languages}}</span>{{/anonymous}}
        {{#user}}<form method="post" action="/account/language" class="inline langs" aria-label="{{t.languageSwitch}}"><input type="hidden" name="csrf" value="{{csrf}}">{{#languages}}<button type="submit" name="language" value="{{code}}" class="link" {{#current}}aria-current="true"{{/current}}>{{code}}</button>{{/languages}}</form>
        <span class="who">{{signedInAs}}</span>
        <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" class="link">{{t.signOut}}</button></form>{{/user}}</div></header>
        <main id="main">
        {{#backupWarning}}<p class="warning" role="alert"><a href="/backups">{{backupWarning}}</a></p>{{/backupWarning}}
        {{#flash}}<p class="flash" role="status">{{flash}}</p>{{/flash}}
        """

    static let footer = """
        </main>
        <footer><p>{{t.disclaimer}}</p><p><a href="/help">{{t.help}}</a> · <a href="/help/troubleshooting">{{t.troubleshooting}}</a> · <a href="/privacy">{{privacyLink}}</a> · <a href="/terms">{{termsLink}}</a></p></footer>
        </body></html>
        """

    static let login = """
        {{> header}}
        <section class="card narrow"><h1>{{t.signIn}}</h1>
        {{#demo}}<p class="flash">{{demo}}</p>{{/demo}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/login">
        <label for="login">{{t.login}}</label><input id="login" name="login" autocomplete="username" value="{{login}}" required autofocus>
        <label for="password">{{t.password}}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">{{t.signIn}}</button></form></section>
        {{> footer}}
        """

    static let dashboard = """
        {{> header}}
        <h1>{{t.dashboard}}</h1>
        {{#scopeNote}}<p class="note">{{scopeNote}}</p>{{/scopeNote}}
        {{#damagedNotice}}<p class="warning">{{damagedNotice}}</p>{{/damagedNotice}}
        <ul class="stats">{{#stats}}<li><span class="stat">{{value}}</span> {{label}}</li>{{/stats}}</ul>
        <p>{{#canCreate}}<a class="button" href="/patients/new">{{t.newPatient}}</a> {{/canCreate}}<a href="/patients">{{t.patients}}</a></p>
        <section><h2>{{t.recentPatients}}</h2>
        {{#noRecent}}<p class="empty">{{noRecent}}</p>{{/noRecent}}
        {{#hasRecent}}<table><thead><tr><th>{{lastNameLabel}}</th><th>{{firstNameLabel}}</th><th>{{phoneLabel}}</th><th>{{birthDateLabel}}</th></tr></thead><tbody>
        {{#recent}}<tr><td><a href="/patients/{{id}}">{{lastName}}</a></td><td>{{firstName}} {{middleName}}</td><td>{{phone}}</td><td>{{birthDate}}</td></tr>{{/recent}}
        </tbody></table>{{/hasRecent}}</section>
        {{> footer}}
        """

    static let patients = """
        {{> header}}
        <h1>{{t.patients}}</h1>
        <form method="get" action="/patients" class="search" role="search">
        <label for="q" class="hidden">{{t.searchButton}}</label>
        <input id="q" name="q" type="search" value="{{query}}" placeholder="{{t.searchPlaceholder}}" autocomplete="off" data-live-search>
        <button type="submit">{{t.searchButton}}</button> {{#canCreate}}<a class="button" href="/patients/new">{{t.newPatient}}</a>{{/canCreate}}
        {{#trashLabel}}<a href="/trash">{{trashLabel}}</a>{{/trashLabel}}</form>
        <div id="results">
        {{#damagedNotice}}<p class="warning">{{damagedNotice}}</p>{{/damagedNotice}}
        {{#empty}}<p class="empty">{{empty}}</p>{{/empty}}
        {{#hasItems}}<table><thead><tr><th>{{lastNameLabel}}</th><th>{{firstNameLabel}}</th><th>{{phoneLabel}}</th><th>{{birthDateLabel}}</th></tr></thead><tbody>
        {{#items}}<tr><td><a href="/patients/{{id}}">{{lastName}}</a></td><td>{{firstName}} {{middleName}}</td><td>{{phone}}</td><td>{{birthDate}}</td></tr>{{/items}}
        </tbody></table>{{/hasItems}}
        <p class="pages">{{#previous}}<a href="{{previous}}">{{t.previous}}</a>{{/previous}} {{#next}}<a href="{{next}}">{{t.next}}</a>{{/next}}</p>
        </div>
        {{> footer}}
        """

    static let patient = """
        {{> header}}
        <p><a href="/patients">{{t.back}}</a></p>
        <h1>{{name}}</h1>
        <dl class="details">{{#fields}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/fields}}</dl>
        <p class="actions"><a class="button" href="/patients/{{id}}/edit">{{t.edit}}</a></p>
        {{#canDelete}}<form method="post" action="/patients/{{id}}/delete" data-confirm="{{t.confirmDelete}}">
        <input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="danger">{{t.delete}}</button></form>
        <form method="post" action="/patients/{{id}}/erase" data-confirm="{{confirmErase}}">
        <input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="danger">{{eraseLabel}}</button></form>{{/canDelete}}
        {{#canExport}}<form method="post" action="/patients/{{id}}/export" class="export"><input type="hidden" name="csrf" value="{{csrf}}">
        <label for="export-language">{{x.exportLanguage}}</label> <select id="export-language" name="language">{{#exportLanguages}}<option value="{{code}}"{{#current}} selected{{/current}}>{{name}}</option>{{/exportLanguages}}</select>
        <button type="submit" id="export-button">{{x.exportButton}}</button></form>{{/canExport}}
        <section class="analyses"><h2>{{analysesTitle}}</h2>
        <p><a class="button" href="/patients/{{id}}/analyses/new">{{l.newAnalysis}}</a></p>
        {{#damagedAnalyses}}<p class="warning">{{damagedAnalyses}}</p>{{/damagedAnalyses}}
        {{^hasAnalyses}}<p class="empty">{{l.noAnalyses}}</p>{{/hasAnalyses}}
        {{#hasAnalyses}}<table><thead><tr><th>{{l.takenOn}}</th><th>{{l.lab}}</th><th>{{l.results}}</th><th>{{l.flag}}</th></tr></thead><tbody>
        {{#analyses}}<tr><td><a href="/patients/{{patientId}}/analyses/{{id}}">{{takenOn}}</a></td><td>{{lab}}</td><td>{{tests}}</td><td{{#abnormal}} class="abnormal"{{/abnormal}}>{{summary}}</td></tr>{{/analyses}}
        </tbody></table>{{/hasAnalyses}}
        {{#hasTrends}}<h2>{{l.trends}}</h2><div class="trends">{{#trends}}<figure><figcaption>{{name}}, {{unit}}</figcaption>{{{svg}}}<p class="note">{{first}} → {{last}}</p></figure>{{/trends}}</div>{{/hasTrends}}
        </section>
        {{> accessPanel}}
        {{> footer}}
        """

    static let patientForm = """
        {{> header}}
        <h1>{{title}}</h1>
        {{#hasErrors}}<p class="error" role="alert">{{t.fixErrors}}</p>{{/hasErrors}}
        <form method="post" action="{{action}}" class="card">
        <input type="hidden" name="csrf" value="{{csrf}}">{{#version}}<input type="hidden" name="version" value="{{version}}">{{/version}}
        {{#fields}}<div class="field{{#error}} invalid{{/error}}"><label for="{{name}}">{{label}}</label>
        {{#isChoice}}<select id="{{name}}" name="{{name}}">{{#options}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{text}}</option>{{/options}}</select>{{/isChoice}}
        {{#isLong}}<textarea id="{{name}}" name="{{name}}" rows="4">{{value}}</textarea>{{/isLong}}
        {{#isPlain}}<input id="{{name}}" name="{{name}}" value="{{value}}" {{#isDate}}type="date"{{/isDate}} {{#required}}required{{/required}}>{{/isPlain}}
        {{#error}}<p class="field-error">{{error}}</p>{{/error}}</div>{{/fields}}
        <button type="submit">{{t.save}}</button> <a href="{{cancel}}">{{t.cancel}}</a></form>
        {{> footer}}
        """

    static let account = """
        {{> header}}
        <h1>{{t.account}}</h1>
        <section class="card"><h2>{{t.changePassword}}</h2>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/account/password"><input type="hidden" name="csrf" value="{{csrf}}">
        <label for="current">{{t.currentPassword}}</label><input id="current" name="current" type="password" autocomplete="current-password" required>
        <label for="new">{{t.newPassword}}</label><input id="new" name="new" type="password" autocomplete="new-password" minlength="10" required>
        <label for="repeat">{{t.repeatPassword}}</label><input id="repeat" name="repeat" type="password" autocomplete="new-password" minlength="10" required>
        <button type="submit">{{t.changePassword}}</button></form></section>
        <section class="card"><h2>{{t.myLanguage}}</h2>
        <form method="post" action="/account/language"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="back" value="account">
        <label for="language">{{t.myLanguage}}</label><select id="language" name="language">{{#languageChoices}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{text}}</option>{{/languageChoices}}</select>
        <button type="submit">{{t.save}}</button></form></section>
        <section><h2>{{t.sessions}}</h2>
        <table><thead><tr><th>{{t.started}}</th><th>{{t.ends}}</th><th>{{t.from}}</th><th></th></tr></thead><tbody>
        {{#sessions}}<tr><td>{{started}}</td><td>{{ends}}</td><td>{{from}}</td><td>{{#current}}{{t.thisSession}}{{/current}}{{^current}}
        <form method="post" action="/account/sessions/{{id}}/end" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" class="link">{{t.endSession}}</button></form>{{/current}}</td></tr>{{/sessions}}
        </tbody></table>
        <form method="post" action="/account/sessions/end-others"><input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit">{{t.endOthers}}</button></form></section>
        {{> footer}}
        """

    static let users = """
        {{> header}}
        <h1>{{t.users}}</h1>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <table><thead><tr><th>{{t.login}}</th><th>{{t.displayName}}</th><th>{{t.role}}</th><th>{{t.status}}</th></tr></thead><tbody>
        {{#people}}<tr><td><a href="/users/{{id}}">{{login}}</a></td><td>{{name}}</td><td>{{role}}{{#doctor}} · {{doctor}}{{/doctor}}</td><td>{{status}}</td></tr>{{/people}}
        </tbody></table>
        <section class="card"><h2>{{t.addUser}}</h2>
        <form method="post" action="/users"><input type="hidden" name="csrf" value="{{csrf}}">
        <label for="login">{{t.login}}</label><input id="login" name="login" value="{{newLogin}}" autocomplete="off" required>
        <label for="name">{{t.displayName}}</label><input id="name" name="name" value="{{newName}}" required>
        <label for="role">{{t.role}}</label><select id="role" name="role">{{#roles}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{text}}</option>{{/roles}}</select>
        <label for="doctorId">{{t.doctor}}</label><select id="doctorId" name="doctorId">{{#doctors}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{text}}</option>{{/doctors}}</select>
        <label for="password">{{t.newPassword}}</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required>
        <button type="submit">{{t.addUser}}</button></form></section>
        {{> footer}}
        """

    static let user = """
        {{> header}}
        <p><a href="/users">{{t.users}}</a></p>
        <h1>{{name}}</h1>
        <p>{{login}} · {{roleLabel}} · {{status}}</p>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <section class="card"><h2>{{t.changeRole}}</h2>
        <form method="post" action="/users/{{id}}/role"><input type="hidden" name="csrf" value="{{csrf}}">
        <label for="role">{{t.role}}</label><select id="role" name="role">{{#roles}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{text}}</option>{{/roles}}</select>
        <label for="doctorId">{{t.doctor}}</label><select id="doctorId" name="doctorId">{{#doctors}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{text}}</option>{{/doctors}}</select>
        <button type="submit">{{t.apply}}</button></form></section>
        <section class="card"><h2>{{t.resetPassword}}</h2>
        <form method="post" action="/users/{{id}}/password"><input type="hidden" name="csrf" value="{{csrf}}">
        <label for="password">{{t.newPassword}}</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required>
        <button type="submit">{{t.resetPassword}}</button></form></section>
        <form method="post" action="/users/{{id}}/{{toggle}}"><input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" class="danger">{{toggleLabel}}</button></form>
        {{#deleteIntro}}<section class="card"><h2>{{deleteTitle}}</h2><p>{{deleteIntro}}</p>
        <form method="post" action="/users/{{id}}/delete"><input type="hidden" name="csrf" value="{{csrf}}">
        <label><input type="checkbox" name="confirm" value="yes" required> {{deleteConfirm}}</label>
        <button type="submit" class="danger">{{deleteTitle}}</button></form></section>{{/deleteIntro}}
        {{> footer}}
        """

    static let settings = """
        {{> header}}
        <h1>{{t.settings}}</h1>
        {{#hasErrors}}<p class="error" role="alert">{{t.fixErrors}}</p>{{/hasErrors}}
        <form method="post" action="/settings" class="card"><input type="hidden" name="csrf" value="{{csrf}}">
        <div class="field{{#clinicNameError}} invalid{{/clinicNameError}}"><label for="clinicName">{{t.clinicName}}</label>
        <input id="clinicName" name="clinicName" value="{{clinicName}}" maxlength="120">{{#clinicNameError}}<p class="field-error">{{clinicNameError}}</p>{{/clinicNameError}}</div>
        <div class="field"><label for="defaultLanguage">{{t.defaultLanguage}}</label>
        <select id="defaultLanguage" name="defaultLanguage">{{#languagesChoice}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{text}}</option>{{/languagesChoice}}</select></div>
        <div class="field{{#minutesError}} invalid{{/minutesError}}"><label for="idleTimeoutMinutes">{{t.idleTimeoutMinutes}}</label>
        <input id="idleTimeoutMinutes" name="idleTimeoutMinutes" value="{{minutes}}" inputmode="numeric" required>{{#minutesError}}<p class="field-error">{{minutesError}}</p>{{/minutesError}}</div>
        <h2>{{t.backupSettings}}</h2>
        <div class="field{{#backupMinutesError}} invalid{{/backupMinutesError}}"><label for="backupMinutes">{{t.backupMinutes}}</label>
        <input id="backupMinutes" name="backupMinutes" value="{{backupMinutes}}" inputmode="numeric">{{#backupMinutesError}}<p class="field-error">{{backupMinutesError}}</p>{{/backupMinutesError}}</div>
        <div class="field{{#backupFolderError}} invalid{{/backupFolderError}}"><label for="backupFolder">{{t.backupFolder}}</label>
        <input id="backupFolder" name="backupFolder" value="{{backupFolder}}" placeholder="/media/usb/medora">{{#backupFolderError}}<p class="field-error">{{backupFolderError}}</p>{{/backupFolderError}}</div>
        <h2>{{t.aiSettings}}</h2>
        <div class="field{{#aiEndpointError}} invalid{{/aiEndpointError}}"><label for="aiEndpoint">{{t.aiEndpoint}}</label>
        <input id="aiEndpoint" name="aiEndpoint" value="{{aiEndpoint}}" inputmode="url" placeholder="http://127.0.0.1:11434/v1/chat/completions">{{#aiEndpointError}}<p class="field-error">{{aiEndpointError}}</p>{{/aiEndpointError}}</div>
        <div class="field{{#aiModelError}} invalid{{/aiModelError}}"><label for="aiModel">{{t.aiModel}}</label>
        <input id="aiModel" name="aiModel" value="{{aiModel}}">{{#aiModelError}}<p class="field-error">{{aiModelError}}</p>{{/aiModelError}}</div>
        <div class="field{{#aiKeyError}} invalid{{/aiKeyError}}"><label for="aiKey">{{t.aiKey}}</label>
        <input id="aiKey" name="aiKey" type="password" autocomplete="off" {{#aiKeySet}}placeholder="••••••••"{{/aiKeySet}}>{{#aiKeyError}}<p class="field-error">{{aiKeyError}}</p>{{/aiKeyError}}</div>
        <div class="field{{#aiMonthlyLimitError}} invalid{{/aiMonthlyLimitError}}"><label for="aiMonthlyLimit">{{t.aiMonthlyLimit}}</label>
        <input id="aiMonthlyLimit" name="aiMonthlyLimit" value="{{aiMonthlyLimit}}" inputmode="numeric">{{#aiMonthlyLimitError}}<p class="field-error">{{aiMonthlyLimitError}}</p>{{/aiMonthlyLimitError}}</div>
        <h2>{{t.limitsSettings}}</h2>
        <p class="hint">{{t.limitsIntro}}</p>
        {{#budgets}}<div class="field{{#error}} invalid{{/error}}"><label for="{{name}}">{{label}}</label>
        <input id="{{name}}" name="{{name}}" value="{{value}}" inputmode="numeric" aria-describedby="{{name}}-hint" {{#pinned}}disabled{{/pinned}}>
        <p class="hint" id="{{name}}-hint">{{#pinned}}{{pinned}}{{/pinned}}{{^pinned}}{{hint}}{{/pinned}}</p>{{#error}}<p class="field-error">{{error}}</p>{{/error}}</div>{{/budgets}}
        <button type="submit">{{t.save}}</button></form>
        {{> footer}}
        """

    static let backups = """
        {{> header}}
        <h1>{{t.backups}}</h1>
        <p>{{lastGood}}</p>
        {{#folderMissing}}<p class="warning">{{folderMissing}}</p>{{/folderMissing}}
        <form method="post" action="/backups"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{t.backupNow}}</button></form>
        {{#practiceTitle}}<section class="card"><h2>{{practiceTitle}}</h2><p>{{practiceIntro}}</p>
        <form method="post" action="/exports/practice"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{practiceTitle}}</button></form></section>{{/practiceTitle}}
        {{^hasItems}}<p class="empty">{{t.backupNone}}</p>{{/hasItems}}
        {{#hasItems}}<table><thead><tr><th>{{t.backupTime}}</th><th>{{t.backupSize}}</th><th>{{t.backupState}}</th><th>{{t.backupFile}}</th></tr></thead><tbody>
        {{#items}}<tr><td>{{time}}</td><td>{{size}}</td><td>{{state}}</td><td><a href="/backups/{{name}}" download>{{name}}</a></td></tr>{{/items}}
        </tbody></table>{{/hasItems}}
        {{> footer}}
        """

    static let audit = """
        {{> header}}
        <h1>{{a.title}}</h1>
        <p class="note">{{head}}</p>
        <form method="get" action="/audit" class="filters">
        <label>{{a.filterUser}} <select name="user"><option value="">{{a.anyone}}</option>{{#users}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/users}}</select></label>
        <label>{{a.filterAction}} <select name="action"><option value="">{{a.anyAction}}</option>{{#actions}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/actions}}</select></label>
        <label>{{a.filterPatient}} <input name="patient" value="{{patient}}" size="36"></label>
        <label>{{a.filterFrom}} <input type="date" name="from" value="{{from}}"></label>
        <label>{{a.filterTo}} <input type="date" name="to" value="{{to}}"></label>
        <button type="submit">{{t.apply}}</button></form>
        {{^hasLines}}<p class="empty">{{a.noEntries}}</p>{{/hasLines}}
        {{#hasLines}}<table class="audit"><thead><tr><th>#</th><th>{{a.when}}</th><th>{{a.who}}</th><th>{{a.action}}</th><th></th><th>{{a.fromAddress}}</th><th>{{a.origin}}</th></tr></thead><tbody>
        {{#lines}}<tr{{#altered}} class="abnormal"{{/altered}}><td>{{seq}}</td><td>{{when}}</td><td>{{who}}</td><td>{{action}}{{#altered}} ({{alteredLabel}}){{/altered}}</td><td>{{#patient}}<a href="/patients/{{patient}}">{{entity}}</a>{{/patient}}{{^patient}}{{entity}}{{/patient}}</td><td>{{address}}</td><td>{{origin}}</td></tr>{{/lines}}
        </tbody></table>{{/hasLines}}
        {{#older}}<p><a href="{{older}}">{{t.next}}</a></p>{{/older}}
        {{> footer}}
        """

    static let trash = """
        {{> header}}
        <h1>{{title}}</h1>
        <p class="note">{{intro}}</p>
        {{^hasItems}}<p class="empty">{{empty}}</p>{{/hasItems}}
        {{#hasItems}}<table><thead><tr><th>{{lastNameLabel}}</th><th>{{firstNameLabel}}</th><th>{{deletedLabel}}</th><th>{{erasedLabel}}</th><th></th></tr></thead><tbody>
        {{#items}}<tr><td>{{lastName}}</td><td>{{firstName}}</td><td>{{deleted}}</td><td>{{erasedOn}}</td><td>
        <form method="post" action="/trash/{{id}}/restore" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{restoreLabel}}</button></form>
        <form method="post" action="/patients/{{id}}/erase" class="inline" data-confirm="{{confirmErase}}"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="danger">{{eraseLabel}}</button></form>
        </td></tr>{{/items}}
        </tbody></table>{{/hasItems}}
        {{> footer}}
        """

    static let accessPanel = """
        {{#access}}<section class="access"><h2>{{accessTitle}}</h2>
        {{^hasAccess}}<p class="empty">{{accessNone}}</p>{{/hasAccess}}
        {{#hasAccess}}<table><thead><tr><th>{{a.when}}</th><th>{{a.who}}</th><th>{{a.action}}</th><th>{{a.fromAddress}}</th></tr></thead><tbody>{{/hasAccess}}
        {{#accessLines}}<tr{{#altered}} class="abnormal"{{/altered}}><td>{{when}}</td><td>{{who}}</td><td>{{action}} {{times}}{{#altered}} ({{alteredLabel}}){{/altered}}</td><td>{{address}}</td></tr>{{/accessLines}}
        {{#hasAccess}}</tbody></table>{{/hasAccess}}
        </section>{{/access}}
        """

    static let consent = """
        {{> header}}
        <section class="card narrow"><h1>{{t.consentTitle}}</h1>
        <p>{{t.consentIntro}}</p>
        <p><a href="/privacy">{{privacyLink}}</a> · <a href="/terms">{{termsLink}}</a></p>
        <form method="post" action="/consent"><input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit">{{t.consentAccept}}</button></form></section>
        {{> footer}}
        """

    static let document = """
        {{> header}}
        {{#hasGuides}}<nav class="guides">{{#guides}}<a href="{{href}}" {{#current}}aria-current="page"{{/current}}>{{text}}</a>{{/guides}}</nav>{{/hasGuides}}
        <article class="card"><h1>{{title}}</h1>{{#blocks}}{{#heading}}<h2>{{heading}}</h2>{{/heading}}{{#paragraph}}<p>{{#parts}}{{#code}}<code>{{text}}</code>{{/code}}{{^code}}{{text}}{{/code}}{{/parts}}</p>{{/paragraph}}{{/blocks}}</article>
        {{> footer}}
        """

    static let message = """
        {{> header}}
        <section class="card narrow"><h1>{{title}}</h1><p>{{text}}</p><p><a href="/">{{t.dashboard}}</a></p></section>
        {{> footer}}
        """
}
