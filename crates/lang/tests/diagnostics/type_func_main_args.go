package main

func init() int { return 0 }

func main(args []string) {
}
// Errors:
// main.go:3:6: func init must have no arguments and no return values
// main.go:5:6: func main must have no arguments and no return values
