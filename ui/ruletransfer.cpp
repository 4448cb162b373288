#include "ui/ruletransfer.h"

#include "core/ruleset/rulesetwriter.h"
#include "ui/dialogs/importdialog.h"
#include "ui/dialogs/rulesetimport.h"
#include "ui/rulestore.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QTimer>

namespace PortRelay {

namespace {

// The one local .json file a drag carries, or empty.
QString localJsonFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1)
        return QString();
    const QUrl url = mime->urls().constFirst();
    if (!url.isLocalFile() || !url.toLocalFile().endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return QString();
    return url.toLocalFile();
}

} // namespace

RuleTransfer::RuleTransfer(const RuleStore *store, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_window(window)
{
    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

bool RuleTransfer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window)
        return false;
    if (event->type() == QEvent::DragEnter) {
        auto *enter = static_cast<QDragEnterEvent *>(event);
        if (!localJsonFile(enter->mimeData()).isEmpty())
            enter->acceptProposedAction();
        return true;
    }
    if (event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QString path = localJsonFile(drop->mimeData());
        if (path.isEmpty())
            return true;
        drop->acceptProposedAction();
        // After the drop returns, so the drag source is not kept waiting on a dialog.
        QTimer::singleShot(0, this, [this, path] { importFile(path); });
        return true;
    }
    return false;
}

void RuleTransfer::chooseImport()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Import Rules"), QDir::homePath(),
        tr("Rules files (*.json);;OpenSSH client configuration (config *.conf);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

bool RuleTransfer::importFile(const QString &path)
{
    const RuleSetImport::Source source = RuleSetImport::read(path);
    if (!source.ok) {
        Q_EMIT importFailed(source.issues);
        QMessageBox *box = ImportDialog::failureBox(path, source.issues, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    auto *dialog = new ImportDialog(m_store->ruleSet(), source.ruleSet, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString fileName = QFileInfo(path).fileName();
    dialog->setSourceName(fileName);
    dialog->setRejectedRules(source.rejected);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, fileName] { Q_EMIT importAccepted(dialog->plan(), fileName, dialog->outcomeText()); });
    dialog->open();
    return true;
}

void RuleTransfer::chooseExport(const RuleSet &set, bool selectedOnly)
{
    QString path = QFileDialog::getSaveFileName(
        m_window, selectedOnly ? tr("Export Selected Rules") : tr("Export Rules"),
        QDir(QDir::homePath()).filePath(QStringLiteral("portrelay-rules.json")), tr("Rules files (*.json)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        path += QStringLiteral(".json");
    exportFile(path, set);
}

bool RuleTransfer::exportFile(const QString &path, const RuleSet &set)
{
    QString error;
    if (!RuleSetWriter::writeFile(path, set, &error)) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"),
                                    tr("Could not write %1: %2").arg(path, error), QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    Q_EMIT exported(tr("Exported %n rule(s) to %1", nullptr, int(set.rules.size())).arg(path));
    return true;
}

} // namespace PortRelay
