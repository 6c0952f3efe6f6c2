// Hidden test harness for the config-once exercise.
//
// The grader copies the student's file next to this one as main.go, builds
// with `go test -race -c -o harness` and runs
// `./harness -test.run '^TestRaceGradeHarness$'`. For each test it prints one
// line "@@racegrade <key> <test-id> pass|fail <detail>", where <key> is the
// grading's own verdict key, set at link time (-ldflags -X).
//
// Everything declared here starts with "racegrade" so that it cannot clash
// with the names in the student's file; the student's code is reached only
// through Config, Load and Settings.
package main

import (
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	racegradeCallers  = 50
	racegradeInitLine = "initializing config"
	racegradeWatchdog = 5 * time.Second
)

// racegradeLoader is what *Config must offer.
type racegradeLoader interface {
	Load() *Settings
}

func TestRaceGradeHarness(t *testing.T) {
	sameOK, sameDetail, onceOK, onceDetail := racegradeConfigTests()
	racegradeVerdict("same-object", sameOK, sameDetail)
	racegradeVerdict("init-once", onceOK, onceDetail)
	if !sameOK || !onceOK {
		t.Fail()
	}
}

// racegradeConfigTests calls Load from many goroutines at once on one fresh
// Config, with standard output captured, and judges both tests from that.
func racegradeConfigTests() (sameOK bool, sameDetail string, onceOK bool, onceDetail string) {
	c := &Config{}
	loader, ok := any(c).(racegradeLoader)
	if !ok {
		reason := racegradeMissingLoad(c)
		return false, reason, false, reason
	}

	// Send standard output to a pipe while Load runs; a goroutine drains it.
	realStdout := os.Stdout
	reader, writer, err := os.Pipe()
	if err != nil {
		reason := "the harness could not capture standard output: " + err.Error()
		return false, reason, false, reason
	}
	captured := make(chan string, 1)
	go func() {
		text, _ := io.ReadAll(reader)
		captured <- string(text)
	}()
	os.Stdout = writer

	var (
		got       = make([]*Settings, racegradeCallers)
		start     = make(chan struct{})
		wg        sync.WaitGroup
		panicMu   sync.Mutex
		panicText string
	)
	for i := range got {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer func() {
				if p := recover(); p != nil {
					panicMu.Lock()
					panicText = fmt.Sprintf("Load() panicked: %v", p)
					panicMu.Unlock()
				}
			}()
			<-start
			got[i] = loader.Load()
		}(i)
	}
	finished := make(chan struct{})
	go func() {
		wg.Wait()
		close(finished)
	}()
	close(start)

	stuck := false
	select {
	case <-finished:
	case <-time.After(racegradeWatchdog):
		stuck = true
	}
	var later *Settings
	if !stuck && panicText == "" {
		later = loader.Load() // a call after the rush must change nothing
	}

	os.Stdout = realStdout
	writer.Close()
	output := <-captured

	if stuck {
		reason := fmt.Sprintf("%d concurrent Load() calls had not returned after %d s; "+
			"does Load wait for something that never happens?", racegradeCallers,
			int(racegradeWatchdog/time.Second))
		return false, reason, false, reason
	}
	if panicText != "" {
		return false, panicText, false, panicText
	}
	sameOK, sameDetail = racegradeJudgePointers(got, later)
	onceOK, onceDetail = racegradeJudgeInitLines(output)
	return
}

func racegradeJudgePointers(got []*Settings, later *Settings) (bool, string) {
	nils := 0
	distinct := map[*Settings]bool{}
	for _, s := range got {
		if s == nil {
			nils++
		} else {
			distinct[s] = true
		}
	}
	switch {
	case nils > 0:
		return false, fmt.Sprintf("%d of %d goroutines got nil from Load(); every caller must get the settings, "+
			"even one that calls while another is still building them", nils, len(got))
	case len(distinct) > 1:
		return false, fmt.Sprintf("the %d goroutines got %d different *Settings pointers from Load(); "+
			"the settings must be built once and shared", len(got), len(distinct))
	case later != got[0]:
		return false, "a call to Load() made after the others returned a different pointer; " +
			"later calls must return the cached settings"
	}
	return true, fmt.Sprintf("all %d goroutines, and a later call, got the same non-nil *Settings from Load()",
		len(got))
}

func racegradeJudgeInitLines(output string) (bool, string) {
	count := 0
	for _, line := range strings.Split(output, "\n") {
		if strings.Contains(line, racegradeInitLine) {
			count++
		}
	}
	switch count {
	case 1:
		return true, fmt.Sprintf("the %q line appeared once for %d concurrent Load() calls and one later call",
			racegradeInitLine, racegradeCallers)
	case 0:
		return false, fmt.Sprintf("the %q line never appeared on standard output during %d Load() calls; "+
			"the first call must print it (with fmt.Println) when it builds the settings",
			racegradeInitLine, racegradeCallers+1)
	}
	return false, fmt.Sprintf("the %q line appeared %d times during %d concurrent Load() calls and one "+
		"later call; the settings must be built exactly once", racegradeInitLine, count, racegradeCallers)
}

// racegradeMissingLoad says why *Config does not have the method Load() *Settings.
func racegradeMissingLoad(c *Config) string {
	method := reflect.ValueOf(c).MethodByName("Load")
	if !method.IsValid() {
		return "Config has no method Load, so the harness could not call it; " +
			"write func (c *Config) Load() *Settings"
	}
	return fmt.Sprintf("Load has type %s but must be func() *Settings, so the harness could not call it",
		method.Type())
}

// racegradeVerdictKey is set by the grader when it links the harness. Every
// verdict line carries it, so that lines printed by anything else (a
// submission faking a pass) are not taken for results. The student's file
// cannot refer to it: its own build, without this file, would fail.
var racegradeVerdictKey string

// racegradeVerdict prints one protocol line; the detail is kept on one line.
func racegradeVerdict(test string, passed bool, detail string) {
	outcome := "fail"
	if passed {
		outcome = "pass"
	}
	detail = strings.Join(strings.Fields(detail), " ")
	fmt.Printf("@@racegrade %s %s %s %s\n", racegradeVerdictKey, test, outcome, detail)
}
