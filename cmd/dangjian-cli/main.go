// Command dangjian-cli works on the same database and sheets as the desktop app, without a
// window: batch work, scripts and tests. It never imports Fyne.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"

	"dangjian/data"
)

// command is one verb of the command-line contract in DESIGN.md.
type command struct {
	usage string
	run   func(env *env, args []string) error
}

// env is what every command gets: the open store (opened on first use) and the output streams.
type env struct {
	// ctx is the command's: Ctrl-C cancels it, so a long read or import stops and changes
	// nothing.
	ctx     context.Context
	dbPath  string
	store   *data.Store
	release func() // the writer's lock, held until the command ends
	stdout  io.Writer
	stderr  io.Writer
}

// Store opens the database on first use, so `where` works even when the file is unreadable.
func (e *env) Store() (*data.Store, error) {
	if e.store != nil {
		return e.store, nil
	}
	s, err := data.Open(e.dbPath)
	if err != nil {
		return nil, refuse(err)
	}
	e.store = s
	return s, nil
}

// WriteStore opens the database for a command that changes it, holding the same lock as the
// desktop app: an import from a script while staff edit in the window is refused, not interleaved.
func (e *env) WriteStore() (*data.Store, error) {
	if e.release == nil {
		release, err := data.AcquireLock(e.dbPath)
		if err != nil {
			return nil, refuse(err)
		}
		e.release = release
	}
	return e.Store()
}

// usageError marks wrong usage: exit status 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// refusal marks a command that refused its input: exit status 1, one line on stderr.
type refusal struct{ err error }

func (r refusal) Error() string { return r.err.Error() }
func (r refusal) Unwrap() error { return r.err }

func refuse(err error) error {
	if err == nil {
		return nil
	}
	var r refusal
	if errors.As(err, &r) {
		return err
	}
	return refusal{err}
}

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

var commands = map[string]command{
	"where":   {"where", runWhere},
	"demo":    {"demo", runDemo},
	"init":    {"init -name 中共某某研究院委员会 [-short 院党委] [-institute 某某研究院]", runInit},
	"members": {"members [-branch NAME] [-q TEXT] [-json]", runMembers},
	"orgs":    {"orgs [-json]", runOrgs},
	"check":   {"check [-json]", runCheck},
	"import":  {"import roster FILE [-sheet S] [-dry-run] [-create-branches] [-rejects OUT.xlsx] [-json] | import orgs FILE [-dry-run] [-json]", runImport},
	"export":  {"export roster OUT.xlsx [-branch NAME] | export orgs OUT.xlsx", runExport},
	"ab":      {"ab import FILE [-json] | ab export OUT.xlsx [-guide] | ab absent PERSON -from D -to D [-kind K] [-handover] | ab coverage [-date D] [-days N] [-json]", runAB},
	"eval":    {"eval rounds [-json] | eval sheets -round R -out DIR [-format xlsx|pdf|both] [-blank] | eval import FILE [-json] | eval results -round R [-json]", runEval},
	"backup":  {"backup [OUT.db] | backup -list [-json]", runBackup},
	"restore": {"restore IN.db", runRestore},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: tests call it directly. Ctrl-C cancels the command's
// context; a second Ctrl-C ends the process at once, as it did before.
func run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	return runIn(ctx, args, stdout, stderr)
}

// runIn is run under ctx, the command's context.
func runIn(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dangjian-cli", flag.ContinueOnError)
	fs.SetOutput(stderr)
	def, _ := data.DefaultPath()
	db := fs.String("db", def, "数据库文件")
	fs.Usage = func() { printUsage(stderr) }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		printUsage(stderr)
		return 2
	}
	cmd, ok := commands[fs.Arg(0)]
	if !ok {
		fmt.Fprintf(stderr, "未知命令“%s”\n", fs.Arg(0))
		printUsage(stderr)
		return 2
	}
	// Every file a command writes keeps off the database, opened or not (export template).
	defer data.Protect(*db)()
	e := &env{ctx: ctx, dbPath: *db, stdout: stdout, stderr: stderr}
	defer func() {
		if e.store != nil {
			e.store.Close()
		}
		if e.release != nil {
			e.release()
		}
	}()
	err := cmd.run(e, fs.Args()[1:])
	var u usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &u):
		fmt.Fprintln(stderr, "用法错误："+u.msg)
		fmt.Fprintln(stderr, "用法：dangjian-cli [-db FILE] "+cmd.usage)
		return 2
	case ctx.Err() != nil:
		// Stopped by Ctrl-C: whatever the step that noticed it said (a statement interrupted,
		// a transaction gone), the user hears that it was cancelled.
		fmt.Fprintln(stderr, data.Explain(ctx.Err()))
		return 1
	default:
		fmt.Fprintln(stderr, oneLine(data.Explain(err)))
		return 1
	}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "用法：dangjian-cli [-db FILE] COMMAND")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintln(w, "  "+commands[n].usage)
	}
}

// jsonArgs parses a command that takes -json alone and n positional arguments; another count
// is refused with usage.
func jsonArgs(name string, args []string, n int, usage string) (pos []string, asJSON bool, err error) {
	pos, err = flags(name, args, func(fs *flag.FlagSet) { fs.BoolVar(&asJSON, "json", false, "") })
	if err != nil {
		return nil, false, err
	}
	if len(pos) != n {
		return nil, false, usagef("%s", usage)
	}
	return pos, asJSON, nil
}

// subcommand is one verb of a command that has verbs (ab, eval).
type subcommand struct {
	name string
	run  func(e *env, args []string) error
}

// runSubcommand runs the verb args[0] of the command name; none or an unknown one is refused
// with the verbs there are.
func runSubcommand(e *env, name string, args []string, subs []subcommand) error {
	if len(args) == 0 {
		names := make([]string, len(subs))
		for i, sub := range subs {
			names[i] = sub.name
		}
		return usagef("%s 需要子命令：%s 或 %s", name, strings.Join(names[:len(names)-1], "、"), names[len(names)-1])
	}
	for _, sub := range subs {
		if sub.name == args[0] {
			return sub.run(e, args[1:])
		}
	}
	return usagef("未知的 %s 子命令“%s”", name, args[0])
}

// flags parses a command's own flags, accepting them before or after the positional arguments.
func flags(name string, args []string, define func(fs *flag.FlagSet)) ([]string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	define(fs)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%s：%v", name, err)
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
