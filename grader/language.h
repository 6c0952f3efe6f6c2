#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace RaceGrade {

/// A programming language an exercise can be solved in.
enum class Language
{
    Go,
    Cpp
};

/// "go" or "cpp": the id used in manifests, command lines and JSON.
QString languageId(Language language);
/// "Go" or "C++": the name shown to people.
QString languageDisplayName(Language language);
/// The extension of a submission file without the dot: "go" or "cpp".
QString sourceExtension(Language language);
/// Parses "go", "cpp" (also "c++").
std::optional<Language> languageFromId(QStringView id);
/// Guesses the language from a file name: .go is Go; .cpp, .cc, .cxx and .c++ are C++.
std::optional<Language> languageFromFileName(QStringView fileName);

} // namespace RaceGrade
