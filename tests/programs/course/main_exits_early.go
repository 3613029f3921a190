// Course: when main returns, the program ends without waiting for other goroutines.
// With one P the goroutine never even gets to run.
package main

import "fmt"

func main() {
	go fmt.Println("hello from the goroutine")
	fmt.Println("main returns")
}

// Run: procs=1
// Output:
// main returns
