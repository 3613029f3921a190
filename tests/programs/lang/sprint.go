// Language: Sprint adds spaces only between operands that are not strings; Sprintln always
// adds spaces and a newline.
package main

import "fmt"

func main() {
	fmt.Printf("[%s]\n", fmt.Sprint("a", "b", 1, 2, "c", 3.5, true))
	fmt.Printf("[%s]\n", fmt.Sprint(1, 2))
	fmt.Printf("[%q]\n", fmt.Sprintln("a", 1, "b"))
	s := fmt.Sprintf("%s is %d years old", "Ana", 30)
	fmt.Println(s, len(s))
	fmt.Print("no newline", 1, 2, "\n")
	fmt.Println("with", "spaces", 1, 2)
	n, err := fmt.Println("count me")
	fmt.Println(n, err)
}

// Output:
// [ab1 2c3.5 true]
// [1 2]
// ["a 1 b\n"]
// Ana is 30 years old 19
// no newline1 2
// with spaces 1 2
// count me
// 9 <nil>
