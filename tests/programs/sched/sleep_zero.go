// Scheduler: time.Sleep(0) returns at once without yielding, so on one P the new goroutine
// never runs before main returns. runtime.Gosched does yield.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	go fmt.Println("first goroutine ran")
	time.Sleep(0)
	fmt.Println("after Sleep(0)")
	go fmt.Println("second goroutine ran")
	runtime.Gosched()
	fmt.Println("after Gosched")
}

// Run: procs=1
// Output:
// after Sleep(0)
// second goroutine ran
// first goroutine ran
// after Gosched
