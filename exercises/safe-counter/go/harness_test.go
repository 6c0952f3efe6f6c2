// Hidden test harness for the safe-counter exercise.
//
// The grader copies the student's file next to this one as main.go, builds
// with `go test -race -c -o harness` and runs
// `./harness -test.run '^TestRaceGradeHarness$'`. For each test it prints one
// line "@@racegrade <key> <test-id> pass|fail <detail>", where <key> is the
// grading's own verdict key, set at link time (-ldflags -X).
//
// Everything declared here starts with "racegrade" so that it cannot clash
// with the names in the student's file, and the student's code is reached only
// through the names the exercise requires (SafeCounter, Inc, Value).
package main

import (
	"fmt"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const (
	racegradeWriters      = 50
	racegradeIncsEach     = 200
	racegradeReaders      = 10
	racegradeWantTotal    = racegradeWriters * racegradeIncsEach
	racegradeWatchdogTime = 5 * time.Second
)

// racegradeCounter is what SafeCounter must offer through a pointer.
type racegradeCounter interface {
	Inc()
	Value() int
}

// racegradeReader is what one reading goroutine saw.
type racegradeReader struct {
	calls      int
	last       int
	wentDown   bool
	downFrom   int
	downTo     int
	outOfRange bool
	badValue   int
}

func TestRaceGradeHarness(t *testing.T) {
	passed, detail := racegradeConcurrentUse()
	racegradeVerdict("concurrent-use", passed, detail)
	if !passed {
		t.Fail()
	}
}

// racegradeConcurrentUse runs writers and readers on one shared counter.
// Readers run while the writers do, so a Value that reads without the lock
// is caught by the race detector even though the numbers may look right.
func racegradeConcurrentUse() (bool, string) {
	var c SafeCounter
	counter, ok := any(&c).(racegradeCounter)
	if !ok {
		return false, racegradeMissingMethods(&c)
	}

	var (
		start     = make(chan struct{})
		writers   sync.WaitGroup
		readers   sync.WaitGroup
		writing   atomic.Bool
		panicMu   sync.Mutex
		panicText string
		reports   = make([]racegradeReader, racegradeReaders)
	)
	notePanic := func(method string) {
		if p := recover(); p != nil {
			panicMu.Lock()
			if panicText == "" {
				panicText = fmt.Sprintf("%s panicked: %v", method, p)
			}
			panicMu.Unlock()
		}
	}
	writing.Store(true)

	for w := 0; w < racegradeWriters; w++ {
		writers.Add(1)
		go func() {
			defer writers.Done()
			defer notePanic("Inc()")
			<-start
			for i := 0; i < racegradeIncsEach; i++ {
				counter.Inc()
			}
		}()
	}
	for r := range reports {
		readers.Add(1)
		go func(seen *racegradeReader) {
			defer readers.Done()
			defer notePanic("Value()")
			<-start
			for {
				// Read the flag first: the last Value() call then happens
				// after every writer has finished.
				stop := !writing.Load()
				v := counter.Value()
				seen.calls++
				if v < 0 || v > racegradeWantTotal {
					if !seen.outOfRange {
						seen.outOfRange, seen.badValue = true, v
					}
				} else if v < seen.last && !seen.wentDown {
					seen.wentDown, seen.downFrom, seen.downTo = true, seen.last, v
				}
				if v > seen.last {
					seen.last = v
				}
				if stop {
					return
				}
				runtime.Gosched()
			}
		}(&reports[r])
	}

	finished := make(chan struct{})
	go func() {
		writers.Wait()
		writing.Store(false)
		readers.Wait()
		close(finished)
	}()
	close(start)
	select {
	case <-finished:
	case <-time.After(racegradeWatchdogTime):
		return false, fmt.Sprintf("the Inc() and Value() calls had not finished after %d s; a goroutine "+
			"is stuck waiting for a lock: one that is never unlocked, or a mutex copied while it was locked",
			int(racegradeWatchdogTime/time.Second))
	}
	if panicText != "" {
		return false, panicText
	}

	calls := 0
	for _, seen := range reports {
		calls += seen.calls
		if seen.outOfRange {
			return false, fmt.Sprintf("a reader saw Value() return %s, but only %s increments were made",
				racegradeNumber(seen.badValue), racegradeNumber(racegradeWantTotal))
		}
		if seen.wentDown {
			return false, fmt.Sprintf("a reader saw Value() go down from %s to %s while others called Inc()",
				racegradeNumber(seen.downFrom), racegradeNumber(seen.downTo))
		}
	}
	setup := fmt.Sprintf("%d goroutines called Inc() %d times each while %d goroutines called Value()",
		racegradeWriters, racegradeIncsEach, racegradeReaders)
	if got := counter.Value(); got != racegradeWantTotal {
		return false, fmt.Sprintf("Value() ended at %s instead of %s (%s): some increments were lost",
			racegradeNumber(got), racegradeNumber(racegradeWantTotal), setup)
	}
	return true, fmt.Sprintf("%s %s times: the total was %s and the value never went down",
		setup, racegradeNumber(calls), racegradeNumber(racegradeWantTotal))
}

// racegradeMissingMethods says which required method is absent or has the wrong type.
func racegradeMissingMethods(c *SafeCounter) string {
	want := map[string]string{"Inc": "func()", "Value": "func() int"}
	var problems []string
	for _, name := range []string{"Inc", "Value"} {
		method := reflect.ValueOf(c).MethodByName(name)
		if !method.IsValid() {
			problems = append(problems, fmt.Sprintf("SafeCounter has no method %s", name))
			continue
		}
		if got := method.Type().String(); got != want[name] {
			problems = append(problems, fmt.Sprintf("%s has type %s but must be %s", name, got, want[name]))
		}
	}
	return strings.Join(problems, "; ") + ", so the harness could not use SafeCounter"
}

// racegradeNumber writes n with thousands separators: 10000 -> "10,000".
func racegradeNumber(n int) string {
	digits := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return sign + b.String()
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
