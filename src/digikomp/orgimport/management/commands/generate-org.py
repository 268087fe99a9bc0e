"""`digikomp generate-org --people N --units M [--seed S] OUT`: a realistic, synthetic OS2mo export.

Writes the five plan2learn files into OUT (created if needed): a municipal tree of M units with Danish names,
N people with plausible jobs for their units, fake CPR numbers (so that tests can prove they are never
stored), some second and inactive engagements, and one manager per unit. The same seed gives the same files.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from digikomp.orgimport.generate import generate_export, mutate_export, write_export


class Command(BaseCommand):
    help = "Generate a synthetic OS2mo plan2learn export for demos, tests and benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("out", type=Path, help="Folder to write the five plan2learn_*.csv files into.")
        parser.add_argument("--people", type=int, required=True, metavar="N")
        parser.add_argument("--units", type=int, required=True, metavar="M")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--name", default="Søbjerg", help="Name of the (fictional) municipality.")
        parser.add_argument("--encoding", choices=["utf-8", "utf-8-sig", "cp1252"], default="utf-8")
        parser.add_argument("--changed", type=Path, metavar="OUT2",
                            help="Also write a later export with about 5%% changes (moves, renames, new "
                                 "people, leavers) into OUT2, to try a re-import.")

    def handle(self, *args, out: Path, people: int, units: int, seed: int, name: str, encoding: str,
               changed: Path | None, **options):
        if units < 1 or people < 0:
            raise CommandError("--units must be at least 1 and --people at least 0")
        export = generate_export(people=people, units=units, seed=seed, name=name)
        write_export(export, out, encoding=encoding)
        self.stdout.write(f"{out}: {len(export.units)} units, {len(export.users)} people, "
                          f"{len(export.engagements)} engagements, {len(export.managers)} managers")
        if changed is not None:
            later = mutate_export(export, seed=seed + 1)
            write_export(later, changed, encoding=encoding)
            self.stdout.write(f"{changed}: {len(later.units)} units, {len(later.users)} people")
