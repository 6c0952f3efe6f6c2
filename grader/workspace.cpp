#include "workspace.h"

#include "exercise.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace RaceGrade {

namespace {

// Module settings of a Go submission: the standard library only, so no network is ever needed.
const QByteArray goModule = QByteArrayLiteral("module racegrade/submission\n\ngo 1.19\n");

QString writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size()) {
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    }
    return {};
}

} // namespace

Expected<std::shared_ptr<Workspace>> Workspace::create(const Exercise &exercise, Language language,
                                                       const QByteArray &source, bool keep)
{
    using Result = Expected<std::shared_ptr<Workspace>>;
    std::shared_ptr<Workspace> workspace(new Workspace);
    if (!workspace->m_dir.isValid()) {
        return Result::failure(QStringLiteral("cannot create a scratch folder: %1")
                                   .arg(workspace->m_dir.errorString()));
    }
    workspace->m_dir.setAutoRemove(!keep);
    if (keep) {
        qCWarning(lcGrading).noquote() << "keeping the scratch folder" << workspace->root();
    }
    workspace->m_submissionFileName =
        QStringLiteral("main.") +
        (language == Language::Go ? QStringLiteral("go") : QStringLiteral("cpp"));

    const QDir root(workspace->root());
    for (const char *sub : {"program", "harness", "bin", "run", "run/tmp"}) {
        if (!root.mkpath(QLatin1String(sub))) {
            return Result::failure(QStringLiteral("cannot create %1 in %2")
                                       .arg(QLatin1String(sub), workspace->root()));
        }
    }

    const QString harnessSource = exercise.files.value(language).harness;
    workspace->m_hasHarness = !harnessSource.isEmpty();
    QVector<QPair<QString, QByteArray>> files = {
        {workspace->programDir() + u'/' + workspace->m_submissionFileName, source}};
    if (language == Language::Go) {
        files.append({workspace->programDir() + QStringLiteral("/go.mod"), goModule});
    }
    if (workspace->m_hasHarness) {
        QFile harness(harnessSource);
        if (!harness.open(QIODevice::ReadOnly)) {
            return Result::failure(QStringLiteral("cannot read the harness %1: %2")
                                       .arg(harnessSource, harness.errorString()));
        }
        const QString harnessName = language == Language::Go
                                        ? QStringLiteral("racegrade_harness_test.go")
                                        : QStringLiteral("harness.cpp");
        files.append({workspace->harnessDir() + u'/' + harnessName, harness.readAll()});
        files.append({workspace->harnessDir() + u'/' + workspace->m_submissionFileName, source});
        if (language == Language::Go) {
            files.append({workspace->harnessDir() + QStringLiteral("/go.mod"), goModule});
        }
    }
    for (const auto &[path, content] : files) {
        const QString problem = writeFile(path, content);
        if (!problem.isEmpty()) {
            return Result::failure(problem);
        }
    }
    return workspace;
}

} // namespace RaceGrade
