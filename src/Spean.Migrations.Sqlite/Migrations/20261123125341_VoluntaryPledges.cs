using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spean.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VoluntaryPledges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VoluntaryPledges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StateIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Session = table.Column<int>(type: "INTEGER", nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    ActionCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    Issues = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoluntaryPledges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoluntaryPledges_Countries_StateIso3",
                        column: x => x.StateIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VoluntaryPledges_ImportKey",
                table: "VoluntaryPledges",
                column: "ImportKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoluntaryPledges_StateIso3_Session",
                table: "VoluntaryPledges",
                columns: new[] { "StateIso3", "Session" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VoluntaryPledges");
        }
    }
}
