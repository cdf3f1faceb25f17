using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spean.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StateIso3 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Session = table.Column<int>(type: "integer", nullable: false),
                    Cycle = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    ActionCategory = table.Column<int>(type: "integer", nullable: true),
                    Issues = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
