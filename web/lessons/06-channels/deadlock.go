// A deadlock: main waits for a value nobody will ever send.
package main

import "fmt"

func main() {
	results := make(chan int)
	go func() {
		sum := 0
		for i := 1; i <= 10; i++ {
			sum += i
		}
		fmt.Println("worker computed", sum, "but forgot to send it")
		// Missing: results <- sum
	}()
	fmt.Println("main waits...")
	fmt.Println(<-results) // blocks forever: no sender is left
}
