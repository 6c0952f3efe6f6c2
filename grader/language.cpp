#include "language.h"

namespace RaceGrade {

QString languageId(Language language)
{
    return language == Language::Go ? QStringLiteral("go") : QStringLiteral("cpp");
}

QString languageDisplayName(Language language)
{
    return language == Language::Go ? QStringLiteral("Go") : QStringLiteral("C++");
}

QString sourceExtension(Language language)
{
    return languageId(language);
}

std::optional<Language> languageFromId(QStringView id)
{
    if (id.compare(u"go", Qt::CaseInsensitive) == 0) {
        return Language::Go;
    }
    if (id.compare(u"cpp", Qt::CaseInsensitive) == 0 ||
        id.compare(u"c++", Qt::CaseInsensitive) == 0) {
        return Language::Cpp;
    }
    return std::nullopt;
}

std::optional<Language> languageFromFileName(QStringView fileName)
{
    const QString lower = fileName.toString().toLower();
    if (lower.endsWith(u".go")) {
        return Language::Go;
    }
    for (const char16_t *extension : {u".cpp", u".cc", u".cxx", u".c++"}) {
        if (lower.endsWith(QStringView(extension))) {
            return Language::Cpp;
        }
    }
    return std::nullopt;
}

} // namespace RaceGrade
