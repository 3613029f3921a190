// Package runtime: the scheduler-facing functions, implemented by the simulator.
package runtime

// GOOS and GOARCH are those of the Go playground.
const GOOS = "linux"
const GOARCH = "amd64"

func Gosched()
func GOMAXPROCS(n int) int
func NumGoroutine() int
func NumCPU() int
func Goexit()
func GC()

// The Error interface identifies a run time error.
type Error interface {
	error
	RuntimeError()
}

