// main waits for a value nobody will ever send.
package main

import "fmt"

func main() {
	results := make(chan int)
	go func() {
		fmt.Println("worker done, but forgot to send")
	}()
	fmt.Println(<-results)
}
