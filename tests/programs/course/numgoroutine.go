// Course: runtime.NumGoroutine counts main plus the goroutines that have not exited yet.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("at start:", runtime.NumGoroutine())
	release := make(chan struct{})
	started := make(chan struct{})
	for i := 0; i < 3; i++ {
		go func() {
			started <- struct{}{}
			<-release
		}()
	}
	for i := 0; i < 3; i++ {
		<-started
	}
	fmt.Println("with three blocked:", runtime.NumGoroutine())
	close(release)
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	fmt.Println("after they exit:", runtime.NumGoroutine())
}

// Output:
// at start: 1
// with three blocked: 4
// after they exit: 1
