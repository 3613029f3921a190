package main

import "fmt"

type T struct{}

func (T) String() string {
	for {
	}
}

func main() {
	fmt.Println(T{})
}
