import Foundation
import Hummingbird
import MedoraStorage

/// `/backups` for administrators: the backups with size, time and state, "make one now", and a
/// download of each (the file is encrypted; it opens only with the clinic's passphrase or
/// recovery key).
struct BackupPages: Sendable {
    let backups: BackupScheduler

    /// Only names this product writes: no path can be smuggled into a download.
    static let namePattern = #"^medora-\d{8}-\d{6}(-\d+)?\.mlbak$"#

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("backups") { _, context in
            try context.require(.manageBackups)
            return page(context)
        }
        group.post("backups") { request, context in
            _ = try await WebForm.checked(request, context: context)
            try context.require(.manageBackups)
            let made = await backups.runIfDue(force: true)
            let lang = context.language
            if made { context.logger.info("backup made from the page") }
            var ctx = context
            ctx.backupStale = backups.status.isStale(now: backups.store.clock.now())
            return page(ctx, flash: made ? WebText.backupMade.text(lang)
                : WebText.backupFailed.text(lang, ["code": backups.status.lastError ?? "-"]),
                        status: made ? .ok : .internalServerError)
        }
        group.get("backups/:name") { _, context in
            try context.require(.manageBackups)
            guard let name = context.parameters.get("name"), name.range(of: Self.namePattern, options: .regularExpression) != nil else {
                throw APIError(.notFound)
            }
            let path = (backups.store.directory.backupsPath as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { throw APIError(.notFound) }
            context.logger.info("backup downloaded")
            return Response(status: .ok, headers: [.contentType: "application/octet-stream", .cacheControl: "no-store",
                                                   .contentDisposition: "attachment; filename=\"\(name)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    func page(_ context: AppRequestContext, flash: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let lang = context.language
        let state = backups.status
        let list = MedoraStore.listBackups(in: backups.store.directory.backupsPath)
        let items: [[String: Any]] = list.map { b in
            ["name": (b.path as NSString).lastPathComponent, "time": WebPage.display(b.createdAt),
             "size": ByteSize.text(b.fileBytes, lang),
             "state": (state.verified.contains(b.path) ? WebText.backupVerified : WebText.backupUnchecked).text(lang),
             "verified": state.verified.contains(b.path)]
        }
        let lastGood: String = state.lastGood.map { WebText.backupLastGood.text(lang, ["time": WebPage.display($0.createdAt)]) }
            ?? WebText.backupNone.text(lang)
        let values: [String: Any] = [
            "title": WebText.backups.text(lang), "lastGood": lastGood,
            "practiceTitle": ErasureText.practiceExport.text(lang), "practiceIntro": ErasureText.practiceExportIntro.text(lang),
            "folderMissing": state.secondFolderMissing ? WebText.backupFolderMissing.text(lang) : "",
            "items": items, "hasItems": !list.isEmpty,
        ]
        return WebPage.render("backups", values, context: context, status: status, flash: flash)
    }
}
