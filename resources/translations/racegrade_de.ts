<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>RaceGrade::GradeMarks</name>
    <message>
        <source>Data race</source>
        <translation>Data Race</translation>
    </message>
    <message>
        <source>Race detector: %1</source>
        <translation>Race-Detektor: %1</translation>
    </message>
    <message>
        <source>%1 (%2 this line), seen in %3 of %4 runs</source>
        <translation>%1 (%2 dieser Zeile), in %3 von %4 Läufen gesehen</translation>
    </message>
    <message>
        <source>reported at</source>
        <translation>gemeldet in</translation>
    </message>
    <message>
        <source>racing with</source>
        <translation>im Wettlauf mit</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Tipp: %1</translation>
    </message>
</context>
<context>
    <name>RaceGrade::CodeEditor</name>
    <message>
        <source>Code editor</source>
        <translation>Code-Editor</translation>
    </message>
</context>
<context>
    <name>RaceGrade::ExercisePicker</name>
    <message>
        <source>Exercise</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Go</translation>
    </message>
    <message>
        <source>C++</source>
        <translation>C++</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>nicht versucht</translation>
    </message>
    <message>
        <source>passing · %1</source>
        <translation>bestanden · %1</translation>
    </message>
    <message>
        <source>failing · %1 (best %2)</source>
        <translation>nicht bestanden · %1 (beste %2)</translation>
    </message>
    <message>
        <source>failing · %1</source>
        <translation>nicht bestanden · %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>No %1 version</source>
        <translation>Keine %1-Fassung</translation>
    </message>
    <message>
        <source>%1: best score %2 of %3</source>
        <translation>%1: beste Bewertung %2 von %3</translation>
    </message>
</context>
<context>
    <name>RaceGrade::FindReplaceBar</name>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Find the previous match (Shift+F3)</source>
        <translation>Vorherigen Treffer suchen (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Find the next match (F3)</source>
        <translation>Nächsten Treffer suchen (F3)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace this match and find the next one</source>
        <translation>Diesen Treffer ersetzen und den nächsten suchen</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Replace every match (one undo step)</source>
        <translation>Jeden Treffer ersetzen (ein Schritt zum Rückgängigmachen)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the find bar (Escape)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <source>Find and replace</source>
        <translation>Suchen und ersetzen</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>Replace:</source>
        <translation>Ersetzen:</translation>
    </message>
    <message>
        <source>Text to find</source>
        <translation>Zu suchender Text</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Replacement text</source>
        <translation>Ersatztext</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>%1 of %2, wrapped</source>
        <translation>%1 von %2, von vorn</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n occurrence(s)</source>
        <translation>
            <numerusform>%n Treffer ersetzt</numerusform>
            <numerusform>%n Treffer ersetzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RaceGrade::LineNumberArea</name>
    <message>
        <source>Line numbers</source>
        <translation>Zeilennummern</translation>
    </message>
</context>
<context>
    <name>RaceGrade::MainWindow</name>
    <message>
        <source>Could not save your work to %1: %2</source>
        <translation>Deine Arbeit konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Anleitung</translation>
    </message>
    <message>
        <source>Solution editor</source>
        <translation>Editor für die Lösung</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Results and output</source>
        <translation>Ergebnisse und Ausgabe</translation>
    </message>
    <message>
        <source>Grading progress</source>
        <translation>Fortschritt der Bewertung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel grading</source>
        <translation>Bewertung abbrechen</translation>
    </message>
    <message>
        <source>Sandbox status</source>
        <translation>Sandbox-Status</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Reset to Starter Code</source>
        <translation>Start&amp;code wiederherstellen</translation>
    </message>
    <message>
        <source>Add &amp;Exercise Folder…</source>
        <translation>&amp;Aufgabenordner hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>&amp;Ersetzen…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Nä&amp;chster Treffer</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>&amp;Vorheriger Treffer</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>&amp;Gehe zu Zeile…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Vergr&amp;ößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Einste&amp;llungen…</translation>
    </message>
    <message>
        <source>&amp;Grading</source>
        <translation>Be&amp;wertung</translation>
    </message>
    <message>
        <source>&amp;Run Once</source>
        <translation>&amp;Einmal ausführen</translation>
    </message>
    <message>
        <source>Build with the race detector and run once, showing the output (F5)</source>
        <translation>Mit dem Race-Detektor bauen und einmal ausführen, mit Ausgabe (F5)</translation>
    </message>
    <message>
        <source>&amp;Grade</source>
        <translation>&amp;Bewerten</translation>
    </message>
    <message>
        <source>Run every check many times and score the solution (Ctrl+Return)</source>
        <translation>Jede Prüfung vielfach ausführen und die Lösung bewerten (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Next Problem</source>
        <translation>&amp;Nächstes Problem</translation>
    </message>
    <message>
        <source>&amp;Previous Problem</source>
        <translation>&amp;Vorheriges Problem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About RaceGrade</source>
        <translation>&amp;Über RaceGrade</translation>
    </message>
    <message>
        <source>About RaceGrade</source>
        <translation>Über RaceGrade</translation>
    </message>
    <message>
        <source>&lt;b&gt;RaceGrade %1&lt;/b&gt;&lt;p&gt;Practise Go&apos;s sync package and its C++ twins; every solution is graded with the race detector.&lt;/p&gt;</source>
        <translation>&lt;b&gt;RaceGrade %1&lt;/b&gt;&lt;p&gt;Übe mit Gos sync-Paket und seinen C++-Gegenstücken; jede Lösung wird mit dem Race-Detektor bewertet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Grading</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Go</translation>
    </message>
    <message>
        <source>C++</source>
        <translation>C++</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language you solve this exercise in</source>
        <translation>Die Sprache, in der du diese Aufgabe löst</translation>
    </message>
    <message>
        <source> Language: </source>
        <translation> Sprache: </translation>
    </message>
    <message>
        <source>Some exercises could not be loaded: %1</source>
        <translation>Einige Aufgaben konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The grading was cancelled: you switched to another exercise.</source>
        <translation>Die Bewertung wurde abgebrochen: Du hast zu einer anderen Aufgabe gewechselt.</translation>
    </message>
    <message>
        <source>The run was cancelled: you switched to another exercise.</source>
        <translation>Der Lauf wurde abgebrochen: Du hast zu einer anderen Aufgabe gewechselt.</translation>
    </message>
    <message>
        <source>The instructions %1 cannot be read: %2</source>
        <translation>Die Anleitung %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 (%2) — RaceGrade</source>
        <translation>%1 (%2) — RaceGrade</translation>
    </message>
    <message>
        <source>RaceGrade</source>
        <translation>RaceGrade</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Grading… the program is built, then run %1 times with the race detector.</source>
        <translation>Bewertung läuft… Das Programm wird gebaut und dann %1-mal mit dem Race-Detektor ausgeführt.</translation>
    </message>
    <message>
        <source>Building and running once…</source>
        <translation>Wird gebaut und einmal ausgeführt…</translation>
    </message>
    <message>
        <source>Building…</source>
        <translation>Wird gebaut…</translation>
    </message>
    <message>
        <source>runs %v of %m</source>
        <translation>Lauf %v von %m</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Grading cancelled.</source>
        <translation>Bewertung abgebrochen.</translation>
    </message>
    <message>
        <source>Run cancelled.</source>
        <translation>Lauf abgebrochen.</translation>
    </message>
    <message>
        <source>Could not grade: %1</source>
        <translation>Bewertung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Every check passed: %1 of %2 points.</source>
        <translation>Alle Prüfungen bestanden: %1 von %2 Punkten.</translation>
    </message>
    <message>
        <source>%1 of %2 points. Select an entry in the results to jump to its line (F8: next problem).</source>
        <translation>%1 von %2 Punkten. Wähle einen Eintrag in den Ergebnissen, um zu seiner Zeile zu springen (F8: nächstes Problem).</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2. Your work in the editor is unchanged.</source>
        <translation>%1 kann nicht gelesen werden: %2. Deine Arbeit im Editor bleibt unverändert.</translation>
    </message>
    <message>
        <source>%1 is not a text file. Your work in the editor is unchanged.</source>
        <translation>%1 ist keine Textdatei. Deine Arbeit im Editor bleibt unverändert.</translation>
    </message>
    <message>
        <source>Opened %1 (Undo brings back what was there)</source>
        <translation>%1 geöffnet (Rückgängig holt den vorigen Text zurück)</translation>
    </message>
    <message>
        <source>Open a Solution</source>
        <translation>Lösung öffnen</translation>
    </message>
    <message>
        <source>Go and C++ files (*.go *.cpp *.cc *.cxx);;All files (*)</source>
        <translation>Go- und C++-Dateien (*.go *.cpp *.cc *.cxx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save the Solution As</source>
        <translation>Lösung speichern unter</translation>
    </message>
    <message>
        <source>Cannot save file</source>
        <translation>Datei kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2. Your work is still in the editor and in RaceGrade&apos;s own autosave.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Deine Arbeit ist weiter im Editor und in der automatischen Sicherung von RaceGrade.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Starter code restored (Undo brings your code back)</source>
        <translation>Startcode wiederhergestellt (Rückgängig holt deinen Code zurück)</translation>
    </message>
    <message>
        <source>Add an Exercise Folder</source>
        <translation>Aufgabenordner hinzufügen</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>Zeile:</translation>
    </message>
    <message>
        <source>Checking the sandbox…</source>
        <translation>Sandbox wird geprüft…</translation>
    </message>
    <message>
        <source>⚠ Not sandboxed</source>
        <translation>⚠ Ohne Sandbox</translation>
    </message>
    <message>
        <source>Sandboxed</source>
        <translation>In der Sandbox</translation>
    </message>
    <message>
        <source>⚠ No sandbox</source>
        <translation>⚠ Keine Sandbox</translation>
    </message>
    <message>
        <source>No sandbox on this machine</source>
        <translation>Keine Sandbox auf diesem Rechner</translation>
    </message>
    <message>
        <source>RaceGrade cannot isolate programs here: %1.

Without the sandbox your code runs with your own permissions: it can read and change your files and use the network. Go on without the sandbox? (Settings can turn it back on.)</source>
        <translation>RaceGrade kann Programme hier nicht abschotten: %1.

Ohne Sandbox läuft dein Code mit deinen eigenen Rechten: Er kann deine Dateien lesen und ändern und das Netz benutzen. Ohne Sandbox weitermachen? (In den Einstellungen lässt sie sich wieder einschalten.)</translation>
    </message>
</context>
<context>
    <name>RaceGrade::OutputView</name>
    <message>
        <source>Program output</source>
        <translation>Programmausgabe</translation>
    </message>
    <message>
        <source>Show line %1 in the editor</source>
        <translation>Zeile %1 im Editor zeigen</translation>
    </message>
    <message>
        <source>Compiler output</source>
        <translation>Ausgabe des Compilers</translation>
    </message>
    <message>
        <source>Compiler output: the build failed</source>
        <translation>Ausgabe des Compilers: Das Bauen ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>(no output)</source>
        <translation>(keine Ausgabe)</translation>
    </message>
    <message>
        <source>Race reports</source>
        <translation>Berichte des Race-Detektors</translation>
    </message>
    <message>
        <source>The grading kept no output of the program.</source>
        <translation>Die Bewertung hat keine Ausgabe des Programms behalten.</translation>
    </message>
    <message>
        <source>[Earlier output was dropped: only the last %1 MB are shown.]</source>
        <translation>[Frühere Ausgabe wurde verworfen: Nur die letzten %1 MB werden gezeigt.]</translation>
    </message>
</context>
<context>
    <name>RaceGrade::ResultsView</name>
    <message>
        <source>Grading results</source>
        <translation>Bewertungsergebnisse</translation>
    </message>
    <message>
        <source>Grading status</source>
        <translation>Stand der Bewertung</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Checks, races and problems</source>
        <translation>Prüfungen, Data Races und Probleme</translation>
    </message>
    <message>
        <source>No results yet. Grade your solution to see them here.</source>
        <translation>Noch keine Ergebnisse. Bewerte deine Lösung, um sie hier zu sehen.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Stopped after %1 s, before anything was scored. Grade again to see the results.</source>
        <translation>Nach %1 s angehalten, bevor etwas bewertet war. Bewerte erneut, um die Ergebnisse zu sehen.</translation>
    </message>
    <message>
        <source>Stopped before anything was scored. Grade again to see the results.</source>
        <translation>Angehalten, bevor etwas bewertet war. Bewerte erneut, um die Ergebnisse zu sehen.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Nicht bestanden</translation>
    </message>
    <message>
        <source>Failed: the program did not build</source>
        <translation>Nicht bestanden: Das Programm ließ sich nicht bauen</translation>
    </message>
    <message>
        <source>Could not grade</source>
        <translation>Bewertung nicht möglich</translation>
    </message>
    <message>
        <source>Could not grade: %1</source>
        <translation>Bewertung nicht möglich: %1</translation>
    </message>
    <message>
        <source>The program was not run.</source>
        <translation>Das Programm wurde nicht ausgeführt.</translation>
    </message>
    <message>
        <source>%1 with the race detector</source>
        <translation>%1 mit dem Race-Detektor</translation>
    </message>
    <message>
        <source>%1 without</source>
        <translation>%1 ohne</translation>
    </message>
    <message>
        <source>%1 without the race detector</source>
        <translation>%1 ohne den Race-Detektor</translation>
    </message>
    <message>
        <source>%1 of the hidden tests</source>
        <translation>%1 der verborgenen Tests</translation>
    </message>
    <message>
        <source>1 run</source>
        <translation>1 Lauf</translation>
    </message>
    <message>
        <source>%1 runs</source>
        <translation>%1 Läufe</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 racy</source>
        <translation>%1 mit Data Race</translation>
    </message>
    <message>
        <source>%1 timed out</source>
        <translation>%1 mit Zeitüberschreitung</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 abgestürzt</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>Graded with %1 in %2 s.</source>
        <translation>Bewertet mit %1 in %2 s.</translation>
    </message>
    <message>
        <source>Graded with %1.</source>
        <translation>Bewertet mit %1.</translation>
    </message>
    <message>
        <source>Graded in %1 s.</source>
        <translation>Bewertet in %1 s.</translation>
    </message>
    <message>
        <source>Your code ran without the sandbox.</source>
        <translation>Dein Code lief ohne Sandbox.</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>Checks (%1 of %2 passed)</source>
        <translation>Prüfungen (%1 von %2 bestanden)</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Tipp: %1</translation>
    </message>
    <message>
        <source>Passed: %1</source>
        <translation>Bestanden: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Nicht bestanden: %1</translation>
    </message>
    <message>
        <source>%1 (not run)</source>
        <translation>%1 (nicht ausgeführt)</translation>
    </message>
    <message>
        <source>– / %1</source>
        <translation>– / %1</translation>
    </message>
    <message>
        <source>Not run: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
    <message>
        <source>Data race</source>
        <translation>Data Race</translation>
    </message>
    <message>
        <source>Lock order inversion (potential deadlock)</source>
        <translation>Vertauschte Sperrreihenfolge (mögliche Verklemmung)</translation>
    </message>
    <message>
        <source>Thread leak</source>
        <translation>Nicht beendeter Thread</translation>
    </message>
    <message>
        <source>Use of freed memory</source>
        <translation>Zugriff auf freigegebenen Speicher</translation>
    </message>
    <message>
        <source>Unlock of a mutex that was not locked</source>
        <translation>Freigabe eines nicht gesperrten Mutex</translation>
    </message>
    <message>
        <source>Mutex locked twice</source>
        <translation>Mutex doppelt gesperrt</translation>
    </message>
    <message>
        <source>Locked mutex destroyed</source>
        <translation>Gesperrter Mutex zerstört</translation>
    </message>
    <message>
        <source>Unsafe call in a signal handler</source>
        <translation>Unsicherer Aufruf in einem Signal-Handler</translation>
    </message>
    <message>
        <source>Race detector report</source>
        <translation>Bericht des Race-Detektors</translation>
    </message>
    <message>
        <source>Compile error</source>
        <translation>Übersetzungsfehler</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Deadlock</source>
        <translation>Verklemmung</translation>
    </message>
    <message>
        <source>Panic</source>
        <translation>Panic</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <source>Exit status</source>
        <translation>Exit-Status</translation>
    </message>
    <message>
        <source>Could not start</source>
        <translation>Start nicht möglich</translation>
    </message>
    <message>
        <source>Too much output</source>
        <translation>Zu viel Ausgabe</translation>
    </message>
    <message>
        <source>Out of memory</source>
        <translation>Kein Speicher mehr</translation>
    </message>
    <message>
        <source>Too many processes</source>
        <translation>Zu viele Prozesse</translation>
    </message>
    <message>
        <source>Concurrent map access</source>
        <translation>Gleichzeitiger Zugriff auf eine Map</translation>
    </message>
    <message>
        <source>Fatal error</source>
        <translation>Schwerer Fehler</translation>
    </message>
    <message>
        <source>Race detector failure</source>
        <translation>Fehler des Race-Detektors</translation>
    </message>
    <message>
        <source>read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>atomic read</source>
        <translation>atomares Lesen</translation>
    </message>
    <message>
        <source>atomic write</source>
        <translation>atomares Schreiben</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>unlock</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>destroy</source>
        <translation>Zerstören</translation>
    </message>
    <message>
        <source>start thread</source>
        <translation>Thread-Start</translation>
    </message>
    <message>
        <source>call</source>
        <translation>Aufruf</translation>
    </message>
    <message>
        <source>access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>seen in 1 run</source>
        <translation>in 1 Lauf gesehen</translation>
    </message>
    <message>
        <source>seen in %1 runs</source>
        <translation>in %1 Läufen gesehen</translation>
    </message>
    <message>
        <source>seen in %1 of 1 run</source>
        <translation>in %1 von 1 Lauf gesehen</translation>
    </message>
    <message>
        <source>seen in %1 of %2 runs</source>
        <translation>in %1 von %2 Läufen gesehen</translation>
    </message>
    <message>
        <source>(unknown function)</source>
        <translation>(unbekannte Funktion)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1 at %2:%3</source>
        <translation>%1 in %2:%3</translation>
    </message>
    <message>
        <source>Races (%1)</source>
        <translation>Data Races (%1)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>previous %1</source>
        <translation>vorheriges %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, holding %2</source>
        <translation>%1, hält %2</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <source>goroutine started in %1</source>
        <translation>Goroutine gestartet in %1</translation>
    </message>
    <message>
        <source>goroutine started at %1 in %2</source>
        <translation>Goroutine gestartet bei %1 in %2</translation>
    </message>
    <message>
        <source>thread started in %1</source>
        <translation>Thread gestartet in %1</translation>
    </message>
    <message>
        <source>thread started at %1 in %2</source>
        <translation>Thread gestartet bei %1 in %2</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>%1, in %2 runs</source>
        <translation>%1, in %2 Läufen</translation>
    </message>
    <message>
        <source>Compiler (%1)</source>
        <translation>Compiler (%1)</translation>
    </message>
    <message>
        <source>The build failed without a message that points to a line; the compiler&apos;s output is shown with the program output.</source>
        <translation>Das Bauen schlug ohne eine Meldung fehl, die auf eine Zeile zeigt; die Ausgabe des Compilers steht bei der Programmausgabe.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>RaceGrade::SettingsDialog</name>
    <message>
        <source>Run code &amp;without the sandbox (only code you trust)</source>
        <translation>Code &amp;ohne Sandbox ausführen (nur Code, dem du vertraust)</translation>
    </message>
    <message>
        <source>RaceGrade Settings</source>
        <translation>Einstellungen von RaceGrade</translation>
    </message>
    <message>
        <source>Runs per grading</source>
        <translation>Läufe pro Bewertung</translation>
    </message>
    <message>
        <source>How often a grading runs your program with the race detector. More runs find rarer races but take longer.</source>
        <translation>Wie oft eine Bewertung dein Programm mit dem Race-Detektor ausführt. Mehr Läufe finden seltenere Data Races, dauern aber länger.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>exercise default</source>
        <translation>Vorgabe der Aufgabe</translation>
    </message>
    <message>
        <source>Time limit per run</source>
        <translation>Zeitlimit pro Lauf</translation>
    </message>
    <message>
        <source>g++ (GCC)</source>
        <translation>g++ (GCC)</translation>
    </message>
    <message>
        <source>clang++ (Clang)</source>
        <translation>clang++ (Clang)</translation>
    </message>
    <message>
        <source>C++ compiler</source>
        <translation>C++-Compiler</translation>
    </message>
    <message>
        <source>RaceGrade builds and runs every program in a sandbox with no network and nothing of your files visible. Turn it off only where the sandbox cannot work and the code is your own.</source>
        <translation>RaceGrade baut und startet jedes Programm in einer Sandbox ohne Netz, in der nichts von deinen Dateien sichtbar ist. Schalte sie nur ab, wo die Sandbox nicht funktioniert und der Code dein eigener ist.</translation>
    </message>
    <message>
        <source>Follow the system (light or dark)</source>
        <translation>Dem System folgen (hell oder dunkel)</translation>
    </message>
    <message>
        <source>Editor colour theme</source>
        <translation>Farbschema des Editors</translation>
    </message>
    <message>
        <source>Editor font</source>
        <translation>Schrift des Editors</translation>
    </message>
    <message>
        <source>Editor font size</source>
        <translation>Schriftgröße des Editors</translation>
    </message>
    <message>
        <source>&amp;Runs per grading:</source>
        <translation>&amp;Läufe pro Bewertung:</translation>
    </message>
    <message>
        <source>&amp;Time limit per run:</source>
        <translation>&amp;Zeitlimit pro Lauf:</translation>
    </message>
    <message>
        <source>C++ &amp;compiler:</source>
        <translation>C++-&amp;Compiler:</translation>
    </message>
    <message>
        <source>Sandbox:</source>
        <translation>Sandbox:</translation>
    </message>
    <message>
        <source>Editor t&amp;heme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>Editor &amp;font:</source>
        <translation>Sc&amp;hrift:</translation>
    </message>
    <message>
        <source>Font &amp;size:</source>
        <translation>Schrift&amp;größe:</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Practise and grade concurrent Go and C++ code.</source>
        <translation>Nebenläufigen Go- und C++-Code üben und bewerten.</translation>
    </message>
    <message>
        <source>Open this exercise.</source>
        <translation>Diese Aufgabe öffnen.</translation>
    </message>
    <message>
        <source>go or cpp.</source>
        <translation>go oder cpp.</translation>
    </message>
    <message>
        <source>Load this file into the editor.</source>
        <translation>Diese Datei in den Editor laden.</translation>
    </message>
    <message>
        <source>Also load exercises from this folder.</source>
        <translation>Auch Aufgaben aus diesem Ordner laden.</translation>
    </message>
    <message>
        <source>Keep settings in this INI file instead of the user&apos;s.</source>
        <translation>Einstellungen in dieser INI-Datei statt in der des Benutzers halten.</translation>
    </message>
    <message>
        <source>Keep autosaved work in this folder instead of the user&apos;s.</source>
        <translation>Automatisch gesicherte Arbeit in diesem Ordner statt in dem des Benutzers halten.</translation>
    </message>
    <message>
        <source>Start grading at once.</source>
        <translation>Sofort mit der Bewertung beginnen.</translation>
    </message>
    <message>
        <source>After the grading started with --grade, save a picture of the window to this PNG and quit.</source>
        <translation>Nach der mit --grade begonnenen Bewertung ein Bild des Fensters in diese PNG-Datei speichern und beenden.</translation>
    </message>
</context>
</TS>
