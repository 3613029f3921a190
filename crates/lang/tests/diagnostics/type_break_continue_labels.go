package main

func main() {
	for i := 0; i < 3; i++ {
		switch i {
		case 1:
			continue outer
		}
	}
	if true {
		break
	}
	continue
}
// Errors:
// main.go:7:13: continue label not defined: outer
// main.go:11:3: break is not in a loop, switch, or select
// main.go:13:2: continue is not in a loop
